// The catalogue's data: a partner's own store (here a constant list; in real life its own database or API).
export interface CourseRow {
  id: string;
  title: string;
  language: string;
  credits: number;
  societySlug: string;
  editionYear: number | null;
}

export const COURSES: readonly CourseRow[] = [
  { id: "drg-101", title: "Bildgebung bei COVID-19", language: "de", credits: 3, societySlug: "drg", editionYear: 2020 },
  { id: "drg-102", title: "Interventionelle Radiologie für Einsteiger", language: "de", credits: 4, societySlug: "drg", editionYear: 2021 },
  { id: "dvta-201", title: "Strahlenschutz im Alltag der MTR", language: "de", credits: 2, societySlug: "dvta", editionYear: 2020 },
  { id: "drg-103", title: "Befundkommunikation mit Patientinnen und Patienten", language: "de", credits: 2, societySlug: "drg", editionYear: null },
];
