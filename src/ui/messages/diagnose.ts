// Messages for the diagnose area. Keys start with "diagnose" so areas never collide.
export const en = {
  diagnoseDescription: 'diagnose',
};

export const ko: typeof en = {
  diagnoseDescription: 'diagnose',
};
