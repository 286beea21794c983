/**
 * (Node hosts.) Lowers the scheduling priority of the calling thread alone, where the system allows it: on Linux a
 * thread is a task of its own, whose id `/proc/thread-self` names, and `setpriority` on that id changes that thread
 * only. Elsewhere (macOS, Windows: a priority there is the whole process's) nothing is done. The engine threads that
 * serve only the workspace scan run at a lower priority, so the extension host's thread and the thread documents are
 * typed into come first on a busy machine.
 */
import { readlinkSync } from 'node:fs';
import { getPriority, setPriority } from 'node:os';

/** The nice value of a scan thread: below the editor's threads, above idle. */
export const SCAN_THREAD_NICE = 10;

/** Lowers this thread's priority to `nice`; true when it was lowered. Never throws. */
export function lowerThisThread(nice = SCAN_THREAD_NICE, platform = process.platform): boolean {
  if (platform !== 'linux') return false;
  try {
    const tid = Number(/\/task\/(\d+)$/.exec(readlinkSync('/proc/thread-self'))?.[1]);
    if (!Number.isInteger(tid) || tid <= 0 || tid === process.pid) return false;
    // Never raised: a process started below `nice` stays where it is.
    setPriority(tid, Math.max(nice, getPriority(tid)));
    return true;
  } catch {
    return false;
  }
}
