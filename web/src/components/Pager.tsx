// Paging along a Relay connection: the API pages forward only (`first`/`after`), so "previous" goes back along the
// cursors already seen. Shared by the staff lists (review queue, audit log).
import { useState, type ReactNode } from "react";

export interface CursorPages {
  /** The `after` variable of the page shown. */
  after: string | null;
  /** 1-based number of the page shown. */
  page: number;
  next: (endCursor: string | null | undefined) => void;
  previous: () => void;
  first: () => void;
}

export function useCursorPages(): CursorPages {
  const [cursors, setCursors] = useState<(string | null)[]>([null]);
  return {
    after: cursors[cursors.length - 1],
    page: cursors.length,
    next: (endCursor) => setCursors((c) => [...c, endCursor ?? null]),
    previous: () => setCursors((c) => (c.length > 1 ? c.slice(0, -1) : c)),
    first: () => setCursors([null]),
  };
}

interface Props {
  pages: CursorPages;
  hasNextPage: boolean;
  endCursor: string | null | undefined;
  /** What the pages are of, for screen readers: "Pages of the audit log". */
  label: string;
  previousText: ReactNode;
  nextText: ReactNode;
}

/** Keyboard-usable buttons (a nav landmark) to the previous and the next page. */
export function PageControls({ pages, hasNextPage, endCursor, label, previousText, nextText }: Props) {
  if (pages.page === 1 && !hasNextPage) return null;
  return (
    <nav className="actions pager" aria-label={label}>
      <button type="button" className="secondary" disabled={pages.page === 1} onClick={pages.previous}>
        {previousText}
      </button>
      <span className="meta">Page {pages.page}</span>
      <button type="button" className="secondary" disabled={!hasNextPage} onClick={() => pages.next(endCursor)}>
        {nextText}
      </button>
    </nav>
  );
}

/** A table that scrolls sideways on a phone; focusable so keyboard users can scroll it too. */
export function ScrollTable({ children }: { children: ReactNode }) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label="Scrollable table">
      {children}
    </div>
  );
}
