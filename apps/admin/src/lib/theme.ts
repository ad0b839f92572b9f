import { definePreset } from '@primeuix/themes';
import Aura from '@primeuix/themes/aura';

/**
 * Aura with the shared design tokens of @plenary/ui (tokens.css): blue-700
 * primary (4.5:1 and more on white) and the amber focus ring, so keyboard
 * focus is always visible.
 */
export const PlenaryPreset = definePreset(Aura, {
  primitive: {},
  semantic: {
    primary: {
      50: '{blue.50}',
      100: '{blue.100}',
      200: '{blue.200}',
      300: '{blue.300}',
      400: '{blue.400}',
      500: '{blue.500}',
      600: '{blue.600}',
      700: '{blue.700}',
      800: '{blue.800}',
      900: '{blue.900}',
      950: '{blue.950}',
    },
    focusRing: { width: '3px', style: 'solid', color: '#f59e0b', offset: '2px' },
    colorScheme: {
      light: {
        primary: {
          color: '{primary.700}',
          contrastColor: '#ffffff',
          hoverColor: '{primary.800}',
          activeColor: '{primary.900}',
        },
      },
    },
  },
});
