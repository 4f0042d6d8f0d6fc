// Liveness for a load balancer or orchestrator: the process answers. Touches
// nothing (readiness, with the database, is /healthz). Also the "trivial
// route" the load benchmark compares real pages with (bench/load.ts).
export function loader() {
  return new Response("ok", { headers: { "Cache-Control": "no-store", "Content-Type": "text/plain" } });
}
