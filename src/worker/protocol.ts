/**
 * The messages between the log-scan page and its worker. Types only: both sides import them (the
 * page under the DOM library, the worker under WebWorker), so nothing here may touch either.
 */
import type { FileReport } from '../triage/index.ts';

/** One file to scan. `path` is where it came from (a folder path for a dropped folder). */
export interface ScanJob {
  id: number;
  file: File;
  path: string;
}

/** Page → worker: scan these files, one after the other. Cancelling terminates the worker. */
export interface ScanRequest {
  type: 'scan';
  jobs: ScanJob[];
  /** A port to a reader worker (read-worker.ts) that reads the files ahead; without it the worker reads them itself. */
  reader?: MessagePort;
}

/**
 * One report for a job. A plain or gzip file gives one; a zip gives one per file inside it, named
 * `archive.zip › inner/path.log`. `problem` is set when the file could not be read to its end.
 */
export interface ReportMessage {
  type: 'report';
  id: number;
  report: FileReport;
  problem?: string;
}

/** Bytes of a job's file read so far (compressed bytes for an archive). Sent about ten times a second. */
export interface ProgressMessage {
  type: 'progress';
  id: number;
  read: number;
}

/** A job is finished: every report for it has been sent. */
export interface FileDoneMessage {
  type: 'file-done';
  id: number;
}

/** Every job is finished. */
export interface DoneMessage {
  type: 'done';
}

export type WorkerMessage = ReportMessage | ProgressMessage | FileDoneMessage | DoneMessage;
