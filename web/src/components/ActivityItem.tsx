// One activity in a public list (an edition's, a society's): its title (linked to where it is published), a line about
// it, and its figures in words.
import type { ReactNode } from "react";
import { MetricList, type MetricView } from "./MetricList";

interface Props {
  activity: { title: string; url?: string | null; metrics: MetricView[] };
  children: ReactNode;
}

export function ActivityItem({ activity: a, children }: Props) {
  return (
    <li>
      <h3>{a.url ? <a href={a.url}>{a.title}</a> : a.title}</h3>
      <p className="meta">{children}</p>
      <MetricList metrics={a.metrics} />
    </li>
  );
}
