import type pg from 'pg';

/** A signed-in console session over HTTP: the session cookie and its CSRF header. */
export class ApiSession {
  private cookie = '';
  private csrf = '';
  constructor(private readonly base: string) {}

  async call<T>(method: 'GET' | 'POST', path: string, input?: unknown): Promise<T> {
    const query =
      method === 'GET' && input !== undefined ? `?input=${encodeURIComponent(JSON.stringify(input))}` : '';
    const res = await fetch(`${this.base}/trpc/${path}${query}`, {
      method,
      headers: { 'content-type': 'application/json', cookie: this.cookie, 'x-plenary-csrf': this.csrf },
      ...(method === 'POST' && input !== undefined ? { body: JSON.stringify(input) } : {}),
    });
    const setCookie = res.headers.get('set-cookie');
    if (setCookie) this.cookie = setCookie.split(';')[0] ?? '';
    const text = await res.text();
    if (!res.ok) throw new Error(`${path}: ${res.status} ${text.slice(0, 400)}`);
    return (JSON.parse(text) as { result: { data: T } }).result.data;
  }

  async signIn(email: string, password: string): Promise<void> {
    await this.call('POST', 'auth.login', { email, password });
    this.csrf = (await this.call<{ csrfToken: string }>('GET', 'auth.me')).csrfToken;
  }
}

export interface BenchEvent {
  eventId: string;
  categories: Array<{ id: string; capacity: number }>;
  optionIds: string[];
  /** How the categories and options were made: through the API, or straight into the tables. */
  via: 'api' | 'sql';
}

export interface EventShape {
  slug: string;
  eventCapacity: number | null;
  categories: Array<{ code: string; capacity: number | null }>;
  options: Array<{ code: string; capacity: number }>;
}

/**
 * Creates and publishes an event through the API, then its categories and options
 * through registrationSetup; if that service does not answer, straight into the tables.
 */
export async function setUpEvent(api: ApiSession, db: pg.Client, shape: EventShape): Promise<BenchEvent> {
  const event = await api.call<{ id: string }>('POST', 'events.create', {
    slug: shape.slug,
    title: { ko: '제18차 세계 클러스터 경쟁력 총회', en: '18th TCI Global Conference' },
    startsAt: '2027-11-03T09:00:00+09:00',
    endsAt: '2027-11-06T18:00:00+09:00',
    timeZone: 'Asia/Seoul',
  });
  await api.call('POST', 'events.transition', { eventId: event.id, to: 'publish' });
  try {
    await api.call('POST', 'registrationSetup.updateSettings', {
      eventId: event.id,
      capacity: shape.eventCapacity,
    });
    const categories = [];
    for (const [position, c] of shape.categories.entries()) {
      const label = { en: c.code, ko: c.code };
      const row = await api.call<{ id: string }>('POST', 'registrationSetup.createCategory', {
        eventId: event.id,
        code: c.code,
        label,
        capacity: c.capacity,
        position,
      });
      categories.push({ id: row.id, capacity: c.capacity ?? Infinity });
    }
    const optionIds = [];
    for (const [position, o] of shape.options.entries()) {
      const label = { en: o.code, ko: o.code };
      const row = await api.call<{ id: string }>('POST', 'registrationSetup.createOption', {
        eventId: event.id,
        code: o.code,
        kind: 'tour',
        label,
        capacity: o.capacity,
        position,
      });
      optionIds.push(row.id);
    }
    return { eventId: event.id, categories, optionIds, via: 'api' };
  } catch (err) {
    console.warn(`registrationSetup over the API failed (${String(err).slice(0, 200)}); inserting with SQL`);
  }
  await db.query('delete from registration_categories where event_id = $1', [event.id]);
  await db.query('delete from registration_options where event_id = $1', [event.id]);
  await db.query(
    `insert into registration_settings (event_id, capacity) values ($1, $2)
     on conflict (event_id) do update set capacity = excluded.capacity`,
    [event.id, shape.eventCapacity],
  );
  const categories = [];
  for (const [position, c] of shape.categories.entries()) {
    const { rows } = await db.query<{ id: string }>(
      'insert into registration_categories (event_id, code, label, capacity, position) values ($1, $2, $3, $4, $5) returning id',
      [event.id, c.code, { en: c.code, ko: c.code }, c.capacity, position],
    );
    categories.push({ id: rows[0]!.id, capacity: c.capacity ?? Infinity });
  }
  const optionIds = [];
  for (const [position, o] of shape.options.entries()) {
    const { rows } = await db.query<{ id: string }>(
      `insert into registration_options (event_id, code, kind, label, capacity, position) values ($1, $2, 'tour', $3, $4, $5) returning id`,
      [event.id, o.code, { en: o.code }, o.capacity, position],
    );
    optionIds.push(rows[0]!.id);
  }
  return { eventId: event.id, categories, optionIds, via: 'sql' };
}
