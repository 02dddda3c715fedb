// Messages for the enroll area. Keys start with "enroll" so areas never collide.
export const en = {
  enrollDescription: 'enroll',
};

export const ko: typeof en = {
  enrollDescription: 'enroll',
};
