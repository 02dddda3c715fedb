// Messages for the setup area. Keys start with "setup" so areas never collide.
export const en = {
  setupDescription: 'setup',
};

export const ko: typeof en = {
  setupDescription: 'setup',
};
