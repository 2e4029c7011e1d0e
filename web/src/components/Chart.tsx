// A chart drawn by Chart.js on a canvas, with the same numbers as a table for screen readers and keyboard users
// (a canvas is an image to assistive technology: its label says what it shows, the table gives the values).
import type { ChartConfiguration } from "chart.js";
import { useEffect, useRef, type ReactNode } from "react";

interface ChartProps {
  /** What the chart shows, read out by screen readers. */
  label: string;
  config: ChartConfiguration;
  /** The data as a table (rendered below the chart, in a disclosure). */
  table: ReactNode;
  height?: number;
  testId?: string;
}

export function ChartView({ label, config, table, height = 280, testId }: ChartProps) {
  const canvas = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    let chart: { destroy(): void } | undefined;
    let cancelled = false;
    void import("./chart-setup").then(({ Chart }) => {
      if (cancelled || !canvas.current) return;
      chart = new Chart(canvas.current, { ...config, options: { maintainAspectRatio: false, responsive: true, ...config.options } });
    });
    return () => {
      cancelled = true;
      chart?.destroy();
    };
  }, [config]);
  return (
    <figure className="chart" data-testid={testId}>
      <div className="chart-canvas" style={{ height }}>
        <canvas ref={canvas} role="img" aria-label={label} />
      </div>
      <figcaption>{label}</figcaption>
      <details>
        <summary>Show the numbers as a table</summary>
        {table}
      </details>
    </figure>
  );
}
