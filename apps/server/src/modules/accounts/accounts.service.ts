import type { Services } from '@plenary/contracts';
import type { Runtime } from '../../core/runtime';
import { delegationSection, registrationSection } from '../registration/my-conference-sections';
import { createSectionRegistry } from './conference-sections';
// papers (issue 11)
import { submissionsSection } from '../papers/submissions.section';
import { b2bSection } from '../b2b/portal/my-b2b.section';
import { createMeService } from './me.service';
import { createSignInService } from './sign-in.service';

/**
 * Participant accounts: sign-in and the person's own pages. My conference's
 * sections are registered here, one line per module that has a card.
 */
export function createAccountServices(runtime: Runtime): Pick<Services, 'accounts' | 'me'> {
  const sections = createSectionRegistry();
  sections.register(registrationSection);
  sections.register(delegationSection);
  sections.register(submissionsSection);
  sections.register(b2bSection);
  return { accounts: createSignInService(runtime), me: createMeService(runtime, sections) };
}
