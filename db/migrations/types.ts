export interface Migration {
  /** multiples of 10, so a fix can slot in between two released steps */
  version: number;
  name: string;
  up: string;
}
