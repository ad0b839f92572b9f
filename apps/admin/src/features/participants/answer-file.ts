import { filePaths, type FormQuestion } from '@plenary/contracts/schemas';

/**
 * Where staff open a file question's answer (the answer is the file's id). The
 * server decides who may: the event's owner, admins and staff, with their session.
 */
export function answerFileHref(question: Pick<FormQuestion, 'type'> | undefined, value: unknown): string | null {
  return question?.type === 'file' && typeof value === 'string' && value !== '' ? filePaths.download(value) : null;
}
