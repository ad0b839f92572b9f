import type { PortalMessages } from './ko';

export const en: PortalMessages = {
  app: {
    myConference: 'My conference',
    name: 'Plenary',
    skipToContent: 'Skip to main content',
    homeLink: 'Plenary home',
    language: 'Language',
    footer: 'Plenary, for conferences and events',
    titleSuffix: 'Plenary',
    description: 'Programmes, venues and dates of the conferences hosted on Plenary.',
    loading: 'Loading…',
    retry: 'Try again',
  },
  events: {
    heading: 'Conferences and events',
    intro: 'Dates and venues of the events hosted on Plenary.',
    pageTitle: 'Events',
    emptyTitle: 'No events have been published yet',
    emptyText: 'New events will appear here as soon as they are published.',
    loadError: 'The events could not be loaded. Please try again in a moment.',
    dates: 'Dates',
    venue: 'Venue',
  },
  event: {
    backToList: 'All events',
    dates: 'Dates',
    timeZone: 'Time zone',
    venue: 'Venue',
    about: 'About the event',
    loadErrorHeading: 'The event could not be loaded',
    loadError: 'Please check your connection and try again in a moment.',
    register: 'Register',
  },
  notFound: {
    pageTitle: 'Page not found',
    heading: 'Page not found',
    text: 'Please check that the address is correct.',
    eventHeading: 'Event not found',
    eventText: 'The address may have changed, or the event is no longer public.',
    backHome: 'Back to all events',
  },
};
