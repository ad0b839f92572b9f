import { ref } from 'vue';
import { defineStore } from 'pinia';
import type { z } from 'zod';
import type { createUserInput, userDto } from '@plenary/contracts/schemas';
import { api } from '../../api';

export type User = z.infer<typeof userDto>;
export type CreateUserInput = z.input<typeof createUserInput>;

/** The platform's staff accounts (platform admins only). */
export const useUsersStore = defineStore('users', () => {
  const users = ref<User[]>([]);

  async function load(): Promise<void> {
    users.value = await api().users.list.query();
  }

  async function create(input: CreateUserInput): Promise<User> {
    const user = await api().users.create.mutate(input);
    users.value = [...users.value, user];
    return user;
  }

  return { users, load, create };
});
