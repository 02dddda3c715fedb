// Messages for the simulate area. Keys start with "simulate" so areas never collide.
export const en = {
  simulateDescription: 'simulate',
};

export const ko: typeof en = {
  simulateDescription: 'simulate',
};
