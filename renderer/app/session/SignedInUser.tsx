import { Button } from 'antd';
import { ROLE_LABELS } from '../../../db/model/roles';
import { useSession } from './session';

/** The header's “who is typing”: the logged-in user and role with 退出登录, or on a single PC the clerk's name. */
export function SignedInUser({ operatorName }: { operatorName: string | null }) {
  const { user, signOut } = useSession();
  if (!user) return <span>填报人：{operatorName}</span>;
  return (
    <span className="app-header-user">
      <span>
        {user.displayName}（{ROLE_LABELS[user.role]}）
      </span>
      <Button size="small" type="link" onClick={() => void signOut()}>
        退出登录
      </Button>
    </span>
  );
}
