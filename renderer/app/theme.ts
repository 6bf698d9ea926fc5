import type { ThemeConfig } from 'antd';
import { colors, FONT_FAMILY, sizes } from '../ui/tokens';

/** Dense and calm: small controls, one restrained blue, no rounded toy corners. The values are the app's tokens. */
export const theme: ThemeConfig = {
  // antd 6 declares its tokens as CSS variables (--ant-…) on this class; the app's own are --zd-… (tokens.css)
  cssVar: { key: 'zd-antd' },
  token: {
    fontFamily: FONT_FAMILY,
    fontSize: sizes.fontSize,
    borderRadius: sizes.radius,
    controlHeight: sizes.controlHeight,
    colorPrimary: colors.brand,
    colorLink: colors.brand,
    colorText: colors.text,
    colorTextSecondary: colors.textMuted,
    colorTextTertiary: colors.textFaint,
    colorBorderSecondary: colors.borderLight,
    colorFillAlter: colors.fill,
    colorBgLayout: colors.bg,
    colorBgContainer: colors.surface,
    colorError: colors.red,
    colorWarning: colors.yellow,
    colorSuccess: colors.green,
  },
  components: {
    Layout: { headerHeight: 44, headerPadding: '0 16px', siderBg: colors.sider, headerBg: colors.surface },
    Menu: { darkItemBg: colors.sider, itemHeight: 36 },
    Tabs: { horizontalMargin: '0 0 8px 0' },
    Form: { itemMarginBottom: 14, verticalLabelPadding: '0 0 2px', labelColor: colors.textSecondary },
    Table: { headerColor: colors.textSecondary, rowHoverBg: colors.hover, headerBorderRadius: 0 },
  },
};
