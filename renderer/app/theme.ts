import type { ThemeConfig } from 'antd';

export const FONT_FAMILY =
  '"Microsoft YaHei", "PingFang SC", "Noto Sans CJK SC", "Source Han Sans SC", "WenQuanYi Micro Hei", sans-serif';

/** Dense and calm: small controls, one restrained blue, no rounded toy corners. */
export const theme: ThemeConfig = {
  token: {
    fontFamily: FONT_FAMILY,
    fontSize: 13,
    borderRadius: 3,
    colorPrimary: '#1f5fa8',
    controlHeight: 28,
  },
  components: {
    Layout: { headerHeight: 44, headerPadding: '0 16px', siderBg: '#1d2b3a', headerBg: '#ffffff' },
    Menu: { darkItemBg: '#1d2b3a', darkSubMenuItemBg: '#16222f', itemHeight: 36 },
    Tabs: { horizontalMargin: '0 0 8px 0' },
    Form: { itemMarginBottom: 14, verticalLabelPadding: '0 0 2px' },
  },
};
