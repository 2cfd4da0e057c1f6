import { Center, Loader } from '@mantine/core';
import { useEffect, useState } from 'react';

/** How long a wait goes unmarked: a page that arrives sooner shows no spinner flashing before it. */
const quietMs = 300;

/** The stand-in while a page's code or the session is loaded: empty at first, a spinner only for a longer wait. */
export function QuietLoader(props: { mih: string }) {
  const [shown, setShown] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setShown(true), quietMs);
    return () => clearTimeout(timer);
  }, []);
  return <Center mih={props.mih}>{shown && <Loader />}</Center>;
}
