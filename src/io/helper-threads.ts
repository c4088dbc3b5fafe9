// The process's helper threads asked to give way to its main thread. Node starts four V8 worker
// threads (they compile hot functions in the background and help the garbage collector). On a
// two-core machine, while a workshop of 100 files is read and rendered, that is five threads for
// two cores, and the main thread, the one the user waits for, waited 30 to 60 ms of a 400 ms run
// for a core (its `wait` in /proc/self/task/<pid>/schedstat); with the helpers at nice 10 it
// waited a few ms. They still use every idle core, and whatever they leave undone the main
// thread does itself (V8's parallel tasks are shared work). Measured on such a machine
// (bench/run.mjs): a 100-person workshop 5 to 10 % faster, one report unchanged within the noise.
// Nice 10 rather than 19: on a machine busy with other work, the helpers keep a share of the CPU
// (a tenth of a normal thread's), so that optimized code still comes; nice 5 and 19 measured the
// same here. Linux only (a process's threads are listed in /proc): elsewhere, or on any refusal,
// nothing changes. A thread already at a lower priority keeps it.
// Called by main() only, for the commands that compute: never by run(), which tests call inside
// their own process (its threads are not ours to change).
import { readdirSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/** Low priority: a helper runs on an idle core, and takes little of a busy one. */
export const HELPER_NICE = 10;

/** Lowers the priority of every thread of this process but the main one to HELPER_NICE; returns how many it lowered. */
export function yieldHelperThreads(): number {
  if (process.platform !== 'linux') return 0;
  let lowered = 0;
  let tasks: string[];
  try {
    tasks = readdirSync('/proc/self/task');
  } catch {
    return 0;
  }
  for (const task of tasks) {
    const tid = Number(task);
    // The main thread's id is the process id.
    if (!Number.isInteger(tid) || tid === process.pid) continue;
    try {
      if (getPriority(tid) >= HELPER_NICE) continue;
      setPriority(tid, HELPER_NICE);
      lowered++;
    } catch {
      // gone, or refused: it keeps its priority
    }
  }
  return lowered;
}
