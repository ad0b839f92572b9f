import type { ConferenceSection, ConferenceSectionKind } from '@plenary/contracts';
import type { Executor } from '@plenary/db';

/**
 * What one module shows on My conference. The page knows no module: each module
 * registers a provider (registration, delegations; later submissions, reviews,
 * meetings, documents to sign), and the page lists what the providers answer.
 */
export interface ConferenceSectionProvider<K extends ConferenceSectionKind = ConferenceSectionKind> {
  kind: K;
  /** The person's section at one event, or null when they have nothing of this module there. */
  section(
    db: Executor,
    personId: string,
    eventId: string,
  ): Promise<Extract<ConferenceSection, { kind: K }> | null>;
  /** The events where this module has something of the person's (for "events I am in"). */
  eventIds(db: Executor, personId: string): Promise<string[]>;
}

/** A provider of any one kind. */
export type AnySectionProvider = {
  [K in ConferenceSectionKind]: ConferenceSectionProvider<K>;
}[ConferenceSectionKind];

export interface ConferenceSectionRegistry {
  register(provider: AnySectionProvider): void;
  /** Every registered provider's section, in registration order, without the empty ones. */
  sectionsFor(db: Executor, personId: string, eventId: string): Promise<ConferenceSection[]>;
  eventIdsOf(db: Executor, personId: string): Promise<string[]>;
}

export function createSectionRegistry(): ConferenceSectionRegistry {
  const providers: AnySectionProvider[] = [];
  return {
    register(provider) {
      if (providers.some((p) => p.kind === provider.kind))
        throw new Error(`a My conference section of kind ${provider.kind} is registered twice`);
      providers.push(provider);
    },
    async sectionsFor(db, personId, eventId) {
      const sections: ConferenceSection[] = [];
      // One after another: PGlite has one connection, and a transaction's queries are serial anyway.
      for (const provider of providers) {
        const section = await provider.section(db, personId, eventId);
        if (section) sections.push(section);
      }
      return sections;
    },
    async eventIdsOf(db, personId) {
      const ids = new Set<string>();
      for (const provider of providers) for (const id of await provider.eventIds(db, personId)) ids.add(id);
      return [...ids];
    },
  };
}
