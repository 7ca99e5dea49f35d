import type { KubeEvent } from "../api/types";
import { ago, Empty, when } from "./common";

export function EventsTable({ events }: { events: KubeEvent[] }) {
  if (events.length === 0) return <Empty>No events. Kubernetes keeps events for about an hour.</Empty>;
  const sorted = [...events].sort((a, b) => time(b).localeCompare(time(a)));
  return (
    <table className="grid">
      <thead>
        <tr>
          <th>Type</th>
          <th>Reason</th>
          <th>Message</th>
          <th>Count</th>
          <th>Last seen</th>
        </tr>
      </thead>
      <tbody>
        {sorted.map((e) => (
          <tr key={e.metadata.uid ?? e.metadata.name} data-testid="event-row" className={e.type === "Warning" ? "warning" : ""}>
            <td>{e.type}</td>
            <td>{e.reason}</td>
            <td className="wrap">{e.message}</td>
            <td>{e.count ?? 1}</td>
            <td title={when(time(e))}>{ago(time(e))}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function time(e: KubeEvent): string {
  return e.lastTimestamp ?? e.eventTime ?? e.firstTimestamp ?? e.metadata.creationTimestamp ?? "";
}
