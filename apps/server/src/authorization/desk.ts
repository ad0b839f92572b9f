import type { Expected } from './expected';

/** Who may call each procedure of this domain (written by hand, role by role, and
 * enforced by authorization.test.ts: no role constant from the contracts here). */
export const deskAccess: Record<string, Expected> = {
  'checkIn.scan': ['owner', 'admin', 'staff'],
  'checkIn.search': ['owner', 'admin', 'staff'],
  'checkIn.checkIn': ['owner', 'admin', 'staff'],
  'checkIn.undo': ['owner', 'admin', 'staff'],
  'checkIn.summary': ['owner', 'admin', 'staff'],
  // reg8: the desk takes a fee's payment at check-in.
  'checkIn.takePayment': ['owner', 'admin', 'staff'],
  'visa.request': 'participant',
  'visa.mine': 'participant',
  'visa.list': ['owner', 'admin', 'staff'],
  // Passport numbers and dates of birth: owners and admins only.
  'visa.get': ['owner', 'admin'],
  'visa.decide': ['owner', 'admin'],
  'documents.myTicket': 'participant',
  'documents.myReceipt': 'participant',
  'documents.myVisaLetter': 'participant',
  'documents.badges': ['owner', 'admin', 'staff'],
  'documents.receipt': ['owner', 'admin', 'staff'],
  'documents.visaLetter': ['owner', 'admin'],
};
