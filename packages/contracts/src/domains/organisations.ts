import { z } from 'zod';
import type { SignedInCaller } from '../context';
import { msg } from '../messages';
import { idSchema, requiredLocalizedText } from './common';
import { countrySchema } from './registration/registrations';

/** Kinds of organisation the conference deals with (agencies sign MOUs, companies meet buyers). */
export const organisationTypes = [
  'government_agency',
  'public_corporation',
  'international_organisation',
  'university',
  'research_institute',
  'company',
  'network',
  'other',
] as const;
export const organisationTypeSchema = z.enum(organisationTypes);
export type OrganisationType = z.infer<typeof organisationTypeSchema>;

/**
 * The key two spellings of one name share: Unicode NFKC, ASCII letters lower-cased,
 * runs of ASCII punctuation and white space made one space, trimmed of spaces. Only ASCII is
 * folded so that the migration's SQL computes the same key on every database locale
 * (organisations.match-key.test.ts checks both on both engines).
 */
export function organisationMatchKey(name: string): string {
  return name
    .normalize('NFKC')
    .replace(/[A-Z]/g, (c) => c.toLowerCase())
    .replace(/[\t\n\v\f\r !-/:-@[-`{-~]+/g, ' ')
    .replace(/^ | $/g, '');
}

const websiteSchema = z
  .string()
  .trim()
  .max(300, { error: msg('tooLong', { max: 300 }) })
  .refine((v) => /^https?:\/\/[^\s/$.?#][^\s]*$/i.test(v), { error: msg('website') });

export const organisationDto = z.object({
  id: z.uuid(),
  name: z.object({ ko: z.string().optional(), en: z.string().optional() }),
  country: z.string().nullable(),
  type: organisationTypeSchema,
  website: z.string().nullable(),
  /** Other spellings that match it: the names of duplicates merged into it. */
  aliases: z.array(z.string()),
  /** How many registrations and partners point to it. */
  registrations: z.number().int(),
  partners: z.number().int(),
  createdAt: z.string(),
  updatedAt: z.string(),
});
export type OrganisationDto = z.infer<typeof organisationDto>;

export const listOrganisationsInput = z.object({
  /** Part of a name in either language (or a merged spelling). */
  search: z.string().trim().max(200).default(''),
  type: organisationTypeSchema.optional(),
  country: countrySchema.optional(),
  limit: z.number().int().min(1).max(200).default(50),
  offset: z.number().int().min(0).max(1_000_000).default(0),
});
export type ListOrganisationsInput = z.input<typeof listOrganisationsInput>;

export const organisationListOutput = z.object({
  items: z.array(organisationDto),
  total: z.number().int(),
});
export type OrganisationListOutput = z.infer<typeof organisationListOutput>;

export const createOrganisationInput = z.object({
  name: requiredLocalizedText(200),
  country: countrySchema.nullable().default(null),
  type: organisationTypeSchema.default('other'),
  website: websiteSchema.nullable().default(null),
});
export type CreateOrganisationInput = z.infer<typeof createOrganisationInput>;

export const updateOrganisationInput = createOrganisationInput.extend({ organisationId: idSchema });
export type UpdateOrganisationInput = z.infer<typeof updateOrganisationInput>;

export const organisationIdInput = z.object({ organisationId: idSchema });

/** Duplicates folded into one survivor: every reference moves to it, their names become its aliases. */
export const mergeOrganisationsInput = z
  .object({
    survivorId: idSchema,
    duplicateIds: z
      .array(idSchema)
      .min(1, { error: msg('required') })
      .max(50),
  })
  .refine((v) => !v.duplicateIds.includes(v.survivorId), {
    error: msg('mergeIntoItself'),
    path: ['duplicateIds'],
  });
export type MergeOrganisationsInput = z.infer<typeof mergeOrganisationsInput>;

export interface OrganisationServices {
  organisations: {
    list(
      caller: SignedInCaller,
      input: z.output<typeof listOrganisationsInput>,
    ): Promise<OrganisationListOutput>;
    get(caller: SignedInCaller, organisationId: string): Promise<OrganisationDto>;
    create(caller: SignedInCaller, input: CreateOrganisationInput): Promise<OrganisationDto>;
    update(caller: SignedInCaller, input: UpdateOrganisationInput): Promise<OrganisationDto>;
    merge(caller: SignedInCaller, input: MergeOrganisationsInput): Promise<OrganisationDto>;
  };
}
