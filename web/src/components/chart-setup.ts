// Chart.js with only what the site draws (bars and lines): loaded on demand, after the figures are on screen.
import {
  BarController,
  BarElement,
  CategoryScale,
  Chart,
  Legend,
  LinearScale,
  LineController,
  LineElement,
  PointElement,
  Tooltip,
} from "chart.js";

Chart.register(BarController, BarElement, CategoryScale, LinearScale, LineController, LineElement, PointElement, Tooltip, Legend);
Chart.defaults.font.family = "system-ui, -apple-system, 'Segoe UI', Roboto, sans-serif";
Chart.defaults.color = "#1f2933";
// Screenshots and tests see the final picture, and people who prefer less motion get none.
Chart.defaults.animation = false;

export { Chart };
