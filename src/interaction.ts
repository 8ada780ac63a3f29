// The prompts an interactive run needs. Its own module so detection, ejection and the prompts
// can name the type without importing the pipeline; tests swap in scripted answers.
export interface Interaction {
  select<T extends string>(question: {
    message: string;
    choices: Array<{ value: T; name: string; description?: string; disabled?: string | false }>;
    default?: T;
  }): Promise<T>;
  input(question: { message: string; default?: string; validate?: (value: string) => true | string }): Promise<string>;
  confirm(question: { message: string; default?: boolean }): Promise<boolean>;
}
