/** The group's periods are read in China's time, as the desks' are unless a site set another. */
export const groupUtcOffsetMinutes = 480;
