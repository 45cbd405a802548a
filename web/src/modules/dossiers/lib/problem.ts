import type { MessageKey } from '../../../i18n/vi.ts';

/** A client-side validation problem: a catalogue message and its parameters. */
export interface Problem {
  key: MessageKey;
  params?: Record<string, string | number>;
  /** The field's name, for the error summary when the message alone does not say which. */
  label?: string;
}
