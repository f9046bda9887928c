export declare function isQueued(method: string, pathname: string): boolean;
export interface Admission {
  run(job: (release: () => void) => void): boolean;
  readonly active: number;
  readonly waiting: number;
  readonly peakWaiting: number;
}
export declare function createAdmission(limit: number, maxQueued?: number): Admission;
