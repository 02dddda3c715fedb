// Messages for the discover area. Keys start with "discover" so areas never collide.
export const en = {
  discoverDescription: 'discover',
};

export const ko: typeof en = {
  discoverDescription: 'discover',
};
