/* eslint-disable vue/one-component-per-file -- a parent and the child it binds, side by side */
import { describe, expect, it } from 'vitest';
import { defineComponent, h, nextTick, ref, type Ref } from 'vue';
import { mount } from '@vue/test-utils';
import { useObjectModel } from './object-model';

interface Form {
  startsAt: string | null;
  endsAt: string | null;
}

// A child editing two fields of its parent's v-model object, as EventForm does.
const Child = defineComponent({
  props: { modelValue: { type: Object as () => Form, required: true } },
  emits: ['update:modelValue'],
  setup(props, { emit, expose }) {
    const model = {
      get value() {
        return props.modelValue;
      },
      set value(v: Form) {
        emit('update:modelValue', v);
      },
    };
    const patch = useObjectModel(model as unknown as Ref<Form>);
    // The naive way: spread the prop, which still holds the parent's last render.
    const naive = (changes: Partial<Form>) => (model.value = { ...model.value, ...changes });
    expose({ patch, naive });
    return () => h('div');
  },
});

function mountPair() {
  const form = ref<Form>({ startsAt: null, endsAt: null });
  const wrapper = mount(
    defineComponent({
      setup: () => () =>
        h(Child, {
          modelValue: form.value,
          'onUpdate:modelValue': (v: Form) => (form.value = v),
          ref: 'child',
        }),
    }),
  );
  const child = wrapper.findComponent(Child).vm as unknown as {
    patch: (c: Partial<Form> | ((current: Form) => Partial<Form>)) => void;
    naive: (c: Partial<Form>) => void;
  };
  return { form, child };
}

describe('useObjectModel', () => {
  it('keeps both of two fields changed in the same tick', async () => {
    const { form, child } = mountPair();
    child.patch({ startsAt: '2015-11-03T09:00' });
    child.patch({ endsAt: '2015-11-06T18:00' });
    await nextTick();
    expect(form.value).toEqual({ startsAt: '2015-11-03T09:00', endsAt: '2015-11-06T18:00' });
    // And later changes build on what the parent holds.
    child.patch({ endsAt: '2015-11-07T18:00' });
    await nextTick();
    expect(form.value).toEqual({ startsAt: '2015-11-03T09:00', endsAt: '2015-11-07T18:00' });
  });

  it('gives a change computed from the current value the changes made before it', async () => {
    const { form, child } = mountPair();
    child.patch({ startsAt: '2015-11-03T09:00' });
    child.patch((current) => ({ endsAt: current.startsAt }));
    await nextTick();
    expect(form.value).toEqual({ startsAt: '2015-11-03T09:00', endsAt: '2015-11-03T09:00' });
  });

  it('control: spreading the prop loses the first of the two', async () => {
    const { form, child } = mountPair();
    child.naive({ startsAt: '2015-11-03T09:00' });
    child.naive({ endsAt: '2015-11-06T18:00' });
    await nextTick();
    expect(form.value).toEqual({ startsAt: null, endsAt: '2015-11-06T18:00' });
  });
});
