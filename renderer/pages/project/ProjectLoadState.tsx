import { Alert, Button, Result, Spin } from 'antd';
import { Link } from 'wouter';
import { ApiError } from '../../api';

/** What a project page shows before its data is there: loading, not found, or why it failed. */
export function ProjectLoadState({ error, onRetry }: { error: Error | undefined; onRetry(): void }) {
  if (!error) {
    return (
      <div className="project-loading">
        <Spin description="正在读取项目…" />
      </div>
    );
  }
  if (error instanceof ApiError && error.code === 'not_found') {
    return (
      <Result
        status="warning"
        title="找不到该项目"
        subTitle="该项目可能已被删除，或链接有误。"
        extra={<Link href="/projects">返回项目库</Link>}
      />
    );
  }
  return (
    <Alert
      type="error"
      showIcon
      title="读取项目失败"
      description={error.message}
      action={<Button onClick={onRetry}>重试</Button>}
    />
  );
}
