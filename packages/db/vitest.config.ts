import { defineConfig } from 'vitest/config';
import { databaseProjects } from './src/testing/projects';

export default defineConfig({ test: { projects: databaseProjects() } });
