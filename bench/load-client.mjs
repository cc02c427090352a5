/**
 * The benchmark's clients, run in a worker thread so that making requests does not take the server's
 * core: 2 cores here, one for the server (and PGlite) and one for the clients. Plain JavaScript, because
 * a worker thread does not inherit tsx's loader.
 *
 * Given a list of requests, `clients` loops send them in turn. In `closed` mode each client sends its
 * next request as soon as its last is answered (saturation: latency is then mostly queueing); in
 * `paced` mode each client waits a random pause (exponential, mean `thinkMs`) between requests, like
 * people working at screens (and before their first, so they do not start in a burst). Answers with a status other than the expected one stop the run.
 */
import { parentPort, workerData } from 'node:worker_threads';

const { requests, clients, mode, thinkMs } = workerData;

const pause = () =>
  new Promise((resolve) =>
    setTimeout(resolve, mode === 'paced' ? -Math.log(1 - Math.random()) * thinkMs : 0),
  );

const latencies = [];
let next = 0;
const started = performance.now();
async function client() {
  // Paced clients start after a pause too: twenty people do not all press at the same instant, and a
  // burst of twenty at the start would sit in the tail of a short run.
  if (mode === 'paced') await pause();
  while (next < requests.length) {
    const { url, method = 'GET', headers = {}, body, expect = 200 } = requests[next++];
    const t0 = performance.now();
    const response = await fetch(url, { method, headers, body });
    const text = await response.text();
    if (response.status !== expect)
      throw new Error(`${url} answered ${response.status}: ${text.slice(0, 300)}`);
    latencies.push(performance.now() - t0);
    if (mode === 'paced') await pause();
  }
}

try {
  await Promise.all(Array.from({ length: clients }, client));
  parentPort.postMessage({ latencies, seconds: (performance.now() - started) / 1000 });
} catch (error) {
  parentPort.postMessage({ error: error instanceof Error ? error.message : String(error) });
}
