import { describe, expect, it } from 'vitest';
import { issueSegments, problemSegments } from '../../../lib/problem-paths.ts';
import { procedureFieldKey } from './procedure-error-keys.ts';
import { validDraft } from './procedure-test-draft.ts';

const draft = validDraft();
const key = (path: (string | number)[]) => procedureFieldKey(issueSegments(path), draft);

describe('procedure issue path → editor field key', () => {
  it('keeps paths that name an input', () => {
    expect(key(['code'])).toBe('code');
    expect(key(['processingTime', 'value'])).toBe('processingTime.value');
    expect(key(['processingTime', 'unit'])).toBe('processingTime.unit');
    expect(key(['fees', 2, 'amount'])).toBe('fees.2.amount');
    expect(key(['steps', 0, 'duration', 'value'])).toBe('steps.0.duration.value');
    expect(key(['components', 0, 'attachment', 'maxFiles'])).toBe(
      'components.0.attachment.maxFiles',
    );
  });

  it('collapses deeper or object-level paths onto the input that fixes them', () => {
    expect(key(['components', 0, 'attachment', 'accept', 1])).toBe(
      'components.0.attachment.accept',
    );
    expect(key(['processingTime'])).toBe('processingTime.value');
    expect(key(['steps', 1, 'order'])).toBe('steps.1.name');
    expect(key(['steps', 1, 'duration'])).toBe('steps.1.duration.value');
    expect(key(['fees', 0])).toBe('fees.0.name');
    expect(key(['steps'])).toBe('steps');
    expect(key(['components'])).toBe('components');
  });

  it('maps form properties to the field rows that edit them', () => {
    const base = ['components', 0, 'formSchema', 'properties', 'hoTen'];
    expect(key([...base, 'title'])).toBe('components.0.fields.0.title');
    expect(key([...base, 'enum', 0])).toBe('components.0.fields.0.options');
    expect(key([...base, 'pattern'])).toBe('components.0.fields.0.pattern');
    expect(key(base)).toBe('components.0.fields.0.key');
    expect(key(['components', 0, 'formSchema', 'properties', 'khac', 'title'])).toBe(
      'components.0.formSchema',
    );
    expect(key(['components', 0, 'formSchema', 'required', 0])).toBe('components.0.formSchema');
  });

  it('gives server problem paths the same keys', () => {
    const server = (path: string) => procedureFieldKey(problemSegments(path), draft);
    expect(server('body.components.0.attachment.accept.1')).toBe('components.0.attachment.accept');
    expect(server('/body/components/0/formSchema/properties/hoTen/title')).toBe(
      'components.0.fields.0.title',
    );
  });
});
