import { Button, Group, TextInput, type TextInputProps } from '@mantine/core';
import { useTranslation } from 'react-i18next';

/**
 * A folder path: typed, or in the desktop app picked with the system's folder dialog (the
 * browser host cannot see the PC's folders, so there it is typed).
 */
export function FolderInput(props: TextInputProps & { onPicked: (folder: string) => void }) {
  const { t } = useTranslation('backup');
  const { onPicked, ...input } = props;
  const choose = window.desk?.chooseFolder;
  if (!choose) return <TextInput {...input} />;
  return (
    <Group align="flex-end" wrap="nowrap" gap="xs">
      <TextInput style={{ flex: 1 }} {...input} />
      <Button
        variant="default"
        onClick={() =>
          void choose(String(input.label ?? '')).then((folder) => {
            if (folder) onPicked(folder);
          })
        }
      >
        {t('page.choose')}
      </Button>
    </Group>
  );
}
