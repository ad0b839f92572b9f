export * from './client';
export * from './insert-rows';
export * from './data-dir-lock';
export * as schema from './schema/index';
export { sql, and, or, eq, ne, gt, gte, lt, lte, inArray, notInArray, isNull, isNotNull, desc, asc, count, ilike } from 'drizzle-orm';
