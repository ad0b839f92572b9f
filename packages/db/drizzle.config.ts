import { defineConfig } from 'drizzle-kit';

// Migrations are generated from the schema and committed; they run unchanged on
// PGlite (PostgreSQL 18) and on PostgreSQL 15 servers.
export default defineConfig({
  dialect: 'postgresql',
  schema: './src/schema/index.ts',
  out: './drizzle',
});
