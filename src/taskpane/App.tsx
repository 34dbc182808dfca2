import {
  Badge,
  Body1,
  Caption1,
  FluentProvider,
  Spinner,
  Title2,
  makeStyles,
  tokens,
  webLightTheme,
} from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { detectHost, type HostInfo } from './host';

const useStyles = makeStyles({
  root: {
    minHeight: '100vh',
    boxSizing: 'border-box',
    padding: tokens.spacingHorizontalL,
    display: 'flex',
    flexDirection: 'column',
    gap: tokens.spacingVerticalM,
    backgroundColor: tokens.colorNeutralBackground1,
  },
  header: { display: 'flex', alignItems: 'center', gap: tokens.spacingHorizontalS },
  english: { color: tokens.colorNeutralForeground3 },
});

function HostStatus({ info }: { info: HostInfo | null }) {
  if (info === null) return <Spinner size="tiny" label="Đang kết nối… / Connecting…" />;
  if (info.kind === 'office') {
    return (
      <Badge appearance="tint" color={info.isExcel ? 'success' : 'warning'}>
        {info.isExcel
          ? `Đang chạy trong Excel / Running in Excel (${info.platform})`
          : `Đang chạy trong ${info.host} / Running in ${info.host}`}
      </Badge>
    );
  }
  return (
    <Badge appearance="tint" color="informative">
      Chạy độc lập, ngoài Excel / Standalone, outside Excel
    </Badge>
  );
}

export function App() {
  const styles = useStyles();
  const [info, setInfo] = useState<HostInfo | null>(null);

  useEffect(() => {
    let live = true;
    void detectHost().then((result) => {
      if (live) setInfo(result);
    });
    return () => {
      live = false;
    };
  }, []);

  return (
    <FluentProvider theme={webLightTheme}>
      <main className={styles.root}>
        <div className={styles.header}>
          <img src="./assets/icon-32.png" width={32} height={32} alt="" />
          <Title2 as="h1">PhuLuc</Title2>
        </div>
        <Body1 as="p" lang="vi">
          Chuyển phụ lục kế hoạch thành sổ theo dõi nhiệm vụ.
        </Body1>
        <Caption1 as="p" lang="en" className={styles.english}>
          Turns a plan&apos;s annex into a task tracking workbook.
        </Caption1>
        <div>
          <HostStatus info={info} />
        </div>
      </main>
    </FluentProvider>
  );
}
