import { Result } from 'antd';

/** An honest placeholder for an area that later work will build; it never pretends to work. */
export function NotBuiltYet({ title, description }: { title: string; description: string }) {
  return (
    <Result
      status="info"
      title={`${title}：尚未开发`}
      subTitle={
        <>
          <div>{description}</div>
          <div>此功能将在后续版本提供，此处不显示任何数据。</div>
        </>
      }
    />
  );
}
