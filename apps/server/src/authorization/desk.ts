import { DESK, PASSPORTS } from './roles';

/** Who may call each procedure of this domain (reviewed by hand; see authorization.test.ts). */
export const deskAccess: Record<string, string> = {
  'checkIn.scan': DESK,
  'checkIn.search': DESK,
  'checkIn.checkIn': DESK,
  'checkIn.undo': DESK,
  'checkIn.summary': DESK,
  'visa.request': 'participant',
  'visa.mine': 'participant',
  'visa.list': DESK,
  // Passport numbers and dates of birth: owners and admins only.
  'visa.get': PASSPORTS,
  'visa.decide': PASSPORTS,
  'documents.myTicket': 'participant',
  'documents.myReceipt': 'participant',
  'documents.myVisaLetter': 'participant',
  'documents.badges': DESK,
  'documents.receipt': DESK,
  'documents.visaLetter': PASSPORTS,
};
