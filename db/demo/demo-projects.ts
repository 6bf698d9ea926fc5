/**
 * The demo dataset (示例数据): about 120 example projects over all chains, parks and stages of the plan,
 * dated around the plan year of `today`, so a newcomer sees a working office on first start.
 * Pure: no Node, no database; the caller inserts the rows. Same (ref, today) gives the same projects.
 * Anchor companies come from the plan (chains.json); 招商 companies and brands are invented, and no
 * person is named anywhere: 链长, 责任人 and 联系人 are posts.
 */
import { addDays, addMonths, differenceInCalendarDays, format, getMonth, getYear, parseISO } from 'date-fns';
import { createRandom, hashSeed, type Random } from './demo-random';

export type Stage = 'reserve' | 'preliminary' | 'new_start' | 'continuing' | 'completed';
type Category = 'industry' | 'infrastructure' | 'livelihood' | 'other';
type Nature = 'new' | 'expansion' | 'renovation' | 'upgrade';

export interface DemoReference {
  chains: { id: number; code: string; name: string; anchorCompanies: string[] }[];
  parks: { id: number; name: string; area: string; focus: string | null }[];
  /** Already contains DEMO_UNITS. */
  units: { id: number; name: string }[];
}

export interface DemoProject {
  name: string;
  category: Category;
  isInvestmentPromotion: boolean;
  chainId: number;
  chainLeadOverride: null;
  leadUnitId: number | null;
  responsibleUnitIds: number[];
  /** A post, never a person's name. */
  responsiblePerson: string;
  contactPerson: string;
  contactPhone: string;
  owner: string;
  location: string;
  parkId: number | null;
  content: string;
  nature: Nature | null;
  startYear: number | null;
  endYear: number | null;
  plannedStartDate: string | null;
  actualStartDate: string | null;
  plannedCompletionDate: string | null;
  actualCompletionDate: string | null;
  signingDate: string | null;
  totalInvestmentYuan: number;
  investedBeforeYearYuan: number;
  annualPlanYuan: number;
  stage: Stage;
  progressText: string;
  inStatistics: boolean;
  note: string;
  /** This plan year's 完成投资 per month, for the months already reported. */
  monthly: { month: number; amountYuan: number }[];
}

// ---------------------------------------------------------------------------------------------
// Catalog: the example projects per chain code of the plan
// `place` is a park keyword (红仑/城西/皮革/金石/棋梓/虞唐) or a township.
// ---------------------------------------------------------------------------------------------

interface ProjectTemplate {
  name: string;
  owner: string;
  isInvestmentPromotion: boolean;
  category: Category;
  nature: Nature;
  /** Typical total investment in 万元, before a little jitter. */
  wan: number;
  place: string;
  content: string;
}

const PARK_KEYWORDS = ['红仑', '城西', '皮革', '金石', '棋梓', '虞唐'] as const;
const DEMO_TOWNSHIPS = ['泉塘镇', '东郊镇', '龙洞镇', '金石镇', '棋梓镇', '虞唐镇'] as const;

const PARK_PLATFORM = '湘乡经济开发区建设投资有限公司';

/** A registered-name guess for an anchor company that the plan names only by its short name. */
function ownerOfAnchor(company: string): string {
  if (/(所|院|公司)$/.test(company)) return company;
  if (/^(湖南|湘潭|湘乡)/.test(company)) return `${company}有限公司`;
  return `湖南${company}有限公司`;
}

function anchor(
  company: string,
  title: string,
  wan: number,
  nature: Nature,
  place: string,
  content: string,
  owner = ownerOfAnchor(company),
): ProjectTemplate {
  return {
    name: `${company}${title}项目`,
    owner,
    isInvestmentPromotion: false,
    category: 'industry',
    nature,
    wan,
    place,
    content,
  };
}

/** A company brought in by 招商引资. */
function invite(
  brand: string,
  owner: string,
  title: string,
  wan: number,
  nature: Nature,
  place: string,
  content: string,
): ProjectTemplate {
  return {
    name: `${brand}${title}项目`,
    owner,
    isInvestmentPromotion: true,
    category: 'industry',
    nature,
    wan,
    place,
    content,
  };
}

/** Public works: parks, roads, sewage, hospitals; the name is already complete. */
function work(
  name: string,
  owner: string,
  category: Category,
  wan: number,
  nature: Nature,
  place: string,
  content: string,
): ProjectTemplate {
  return { name, owner, isInvestmentPromotion: false, category, nature, wan, place, content };
}

const DEMO_CATALOG: Record<string, ProjectTemplate[]> = {
  DQ: [
    anchor(
      '深思电工',
      '智能配电设备产业化',
      42000,
      'new',
      '红仑',
      '新建生产厂房及研发楼3.8万平方米，建设智能断路器、智能开关柜生产线各4条，建成后年产智能配电设备20万台（套）。',
    ),
    anchor(
      '深思电工',
      '总部研发中心',
      15000,
      'new',
      '红仑',
      '建设研发检测大楼1.6万平方米，购置研发及检测设备150台（套），创建省级企业技术中心。',
    ),
    anchor(
      '深思电工',
      '低压电器数字化车间技改',
      8000,
      'upgrade',
      '红仑',
      '对现有低压电器装配车间实施数字化改造，新增自动装配线6条及制造执行系统，产能提升30%。',
    ),
    anchor(
      '湘高电器',
      '高低压成套开关设备扩能',
      22000,
      'expansion',
      '城西',
      '扩建装配车间2万平方米，新增数控钣金、自动喷涂生产线，年新增高低压成套开关设备8000面。',
    ),
    anchor(
      '湘高电器',
      '预装式变电站生产线',
      16000,
      'new',
      '红仑',
      '新建生产车间1.5万平方米，建设箱式变电站、预装式变电站生产线3条，年产各类变电站2000台。',
    ),
    anchor(
      '京湘磁业',
      '年产3000吨高性能钕铁硼永磁材料',
      65000,
      'new',
      '红仑',
      '新建熔炼、制粉、成型、烧结车间4.2万平方米，购置速凝炉、气流磨等设备，建成后年产高性能钕铁硼永磁材料3000吨。',
    ),
    anchor(
      '京湘磁业',
      '软磁材料生产线智能化改造',
      9000,
      'upgrade',
      '城西',
      '对软磁铁氧体生产线实施智能化改造，新增自动成型压机、窑炉及在线检测设备40台（套）。',
    ),
    anchor(
      '湖南电器检测所',
      '电工电器检验检测公共服务平台',
      30000,
      'expansion',
      '红仑',
      '新建高压试验大厅、大容量试验站等检测设施2.4万平方米，检测能力覆盖220千伏及以下输变电设备。',
    ),
    invite(
      '涟滨电气',
      '湖南涟滨电气科技有限公司',
      '电力金具及互感器生产',
      12000,
      'new',
      '红仑',
      '租赁标准厂房1.2万平方米，建设电力金具、电流互感器、电压互感器生产线5条，年产值约5亿元。',
    ),
    invite(
      '湘睿新材料',
      '湖南湘睿新材料有限公司',
      '高温超导及绝缘材料',
      48000,
      'new',
      '红仑',
      '新建生产厂房及研发中心3.5万平方米，建设高温超导带材、环氧绝缘材料生产线，年产超导带材300公里、绝缘材料5000吨。',
    ),
    invite(
      '云门电气',
      '湖南云门电气科技有限公司',
      '智能电表及用电信息采集终端',
      14000,
      'new',
      '红仑',
      '建设生产车间及仓库1.3万平方米，建设智能电表、采集终端SMT及装配生产线，年产智能电表300万只。',
    ),
    invite(
      '东台新能源',
      '湖南东台新能源科技有限公司',
      '年产2GW高效光伏组件',
      80000,
      'new',
      '城西',
      '新建光伏组件生产厂房6万平方米，引进串焊、层压、自动化检测设备，建成年产2GW高效光伏组件生产线。',
    ),
    invite(
      '水府光电',
      '湖南水府光电有限公司',
      'LED照明及智能灯具生产',
      10000,
      'new',
      '城西',
      '租赁标准厂房1万平方米，建设LED光源、智能灯具生产线8条，年产各类照明产品1200万套。',
    ),
    invite(
      '韶华重工',
      '湖南韶华重工装备有限公司',
      '风电机组塔筒及法兰',
      26000,
      'new',
      '城西',
      '新建重型钢结构厂房2.4万平方米，购置数控卷板机、大型焊接设备，年产风电塔筒300套、法兰2000片。',
    ),
    invite(
      '湘蓉线缆',
      '湖南湘蓉线缆有限公司',
      '特种电线电缆',
      20000,
      'new',
      '城西',
      '新建生产厂房2万平方米，建设交联电缆、矿物绝缘电缆、新能源汽车线缆生产线，年产特种电线电缆8万公里。',
    ),
    work(
      '湘乡经济开发区电力科技产业园（二期）基础设施项目',
      PARK_PLATFORM,
      'infrastructure',
      55000,
      'new',
      '红仑',
      '建设园区道路4.2公里、110千伏变电站1座及给排水、燃气、通信管网等配套设施。',
    ),
    work(
      '湘乡经济开发区红仑工业园人才公寓项目',
      PARK_PLATFORM,
      'livelihood',
      18000,
      'new',
      '红仑',
      '建设人才公寓6栋共800套，总建筑面积6.5万平方米，配套食堂、商业及停车设施。',
    ),
  ],
  DZ: [
    anchor(
      '湘君电子',
      '年产500万片柔性线路板',
      35000,
      'new',
      '虞唐',
      '新建生产厂房及配套用房4.5万平方米，购置曝光、蚀刻、电镀等设备，建设柔性线路板生产线8条，建成后年产柔性线路板500万片。',
    ),
    anchor(
      '湘君电子',
      '高密度互连电路板扩产',
      28000,
      'expansion',
      '红仑',
      '在现有厂区扩建HDI生产车间2.2万平方米，新增激光钻孔、沉铜、压合等设备120台（套），年新增HDI电路板60万平方米。',
    ),
    anchor(
      '湘君电子',
      '电子元器件智能仓储物流中心',
      6000,
      'new',
      '红仑',
      '建设智能立体仓库1.1万平方米，配置自动分拣、堆垛及仓储管理系统。',
    ),
    anchor(
      '振添光学',
      '安防监控光学镜头智能化技改',
      12000,
      'upgrade',
      '红仑',
      '对现有镜头装配车间实施自动化改造，引进自动调焦、自动点胶及视觉检测设备，年新增安防监控镜头1500万颗。',
    ),
    anchor(
      '振添光学',
      '光学检测及研发设计中心',
      8000,
      'new',
      '红仑',
      '建设光学检测中心、研发设计中心和试制实验中心，建筑面积1.2万平方米，购置光学检测及试制设备80台（套）。',
    ),
    anchor(
      '振添光学',
      '智能电子光学玻璃生产线',
      45000,
      'new',
      '虞唐',
      '新建厂房3.6万平方米，建设光学玻璃切割、研磨、镀膜生产线6条，年产智能电子光学玻璃盖板3000万片。',
    ),
    anchor(
      '华芯制造',
      '集成电路封装测试',
      150000,
      'new',
      '虞唐',
      '新建封装测试厂房及洁净车间5.8万平方米，引进贴片、键合、塑封及测试设备，建成后年封装测试集成电路10亿只。',
    ),
    anchor(
      '华芯制造',
      '汽车电子专用元器件',
      36000,
      'new',
      '红仑',
      '建设汽车电子元器件生产车间2.8万平方米，购置SMT贴装线10条，年产车规级传感器及控制模组800万件。',
    ),
    anchor(
      '华芯制造',
      '芯片设计及测试研发中心',
      9000,
      'new',
      '红仑',
      '建设研发楼1万平方米，购置芯片设计软件及可靠性测试设备，组建集成电路设计团队。',
    ),
    anchor(
      '恒泽光电',
      '液晶显示模组生产基地',
      60000,
      'new',
      '虞唐',
      '建设液晶显示模组生产车间及配套仓储4.6万平方米，年产中小尺寸液晶显示模组2000万片。',
    ),
    anchor(
      '恒泽光电',
      'Mini LED背光模组技改',
      15000,
      'upgrade',
      '红仑',
      '改造现有生产车间1万平方米，新增Mini LED固晶、回流焊及光学检测设备，年新增背光模组300万套。',
    ),
    invite(
      '维泰科技',
      '湖南维泰科技有限公司',
      '创新产业园',
      120000,
      'new',
      '红仑',
      '建设研发办公楼、标准厂房及配套设施约15万平方米，打造电子信息企业孵化和产业化基地，计划引进电子信息企业20家以上。',
    ),
    invite(
      '芯湘微电子',
      '湖南芯湘微电子有限公司',
      'MEMS智能传感器生产',
      50000,
      'new',
      '虞唐',
      '新建洁净厂房及动力站3万平方米，建设MEMS传感器晶圆级封装及测试线，年产智能传感器1.2亿只。',
    ),
    invite(
      '湘睿智能',
      '湖南湘睿智能装备有限公司',
      '工业控制系统及伺服驱动器',
      18000,
      'new',
      '红仑',
      '建设生产车间1.6万平方米，建设伺服驱动器、PLC控制器、工业触摸屏生产线，年产工控产品50万台（套）。',
    ),
    invite(
      '涟滨电子',
      '湖南涟滨电子科技有限公司',
      '消费电子精密结构件',
      25000,
      'new',
      '虞唐',
      '新建厂房2.5万平方米，购置CNC加工中心、精密压铸及阳极氧化设备，年产手机、平板电脑精密结构件3000万件。',
    ),
    invite(
      '龙城数码',
      '湖南龙城数码科技有限公司',
      '手机及数码配件智能制造',
      12000,
      'new',
      '虞唐',
      '租赁标准厂房1.5万平方米，建设充电器、数据线、无线耳机等数码配件自动化生产线12条。',
    ),
    invite(
      '湘显新材',
      '湖南湘显新材料有限公司',
      '新型显示面板配套材料',
      30000,
      'new',
      '虞唐',
      '新建厂房2.2万平方米，建设偏光片、光学膜涂布及分切生产线，年产显示面板配套光学膜1500万平方米。',
    ),
    work(
      '虞唐工业片区电子信息产业标准厂房项目',
      PARK_PLATFORM,
      'infrastructure',
      38000,
      'new',
      '虞唐',
      '建设标准厂房12栋共16万平方米，配套建设片区道路、供水、供电及污水管网。',
    ),
    work(
      '湘乡市职业中专电子信息产教融合实训基地项目',
      '湘乡市职业中等专业学校',
      'livelihood',
      9000,
      'new',
      '泉塘镇',
      '新建实训楼及学生公寓2.8万平方米，建设电子装配、智能制造实训室30间，年培训技术工人2000人次。',
    ),
  ],
  YL: [
    anchor(
      '埃普特',
      '心脏介入医疗器械产业化',
      50000,
      'new',
      '红仑',
      '新建万级洁净厂房及研发楼3.2万平方米，建设冠脉支架、球囊导管等介入器械生产线，年产介入器械200万件。',
    ),
    anchor(
      '埃普特',
      '高值医用耗材研发中心',
      12000,
      'new',
      '红仑',
      '建设研发中心及动物实验室8000平方米，开展心脏及冠脉介入器械临床前研究，购置研发设备60台（套）。',
    ),
    anchor(
      '湖南依微迪',
      '血管介入导管扩产',
      18000,
      'expansion',
      '红仑',
      '扩建洁净车间1.2万平方米，新增导管挤出、编织、涂层及灭菌生产线，年新增一次性使用血管介入导管300万支。',
    ),
    invite(
      '湘睿生物',
      '湖南湘睿生物科技有限公司',
      '生物3D打印医疗器械',
      15000,
      'new',
      '红仑',
      '租赁GMP标准厂房1万平方米，建设骨科植入物、齿科修复体3D打印生产线，年产定制化医疗器械10万件。',
    ),
    invite(
      '涟水医疗',
      '湖南涟水医疗设备有限公司',
      '医学影像诊断设备生产',
      25000,
      'new',
      '红仑',
      '新建生产及研发用房2万平方米，建设数字X射线摄影系统、超声诊断设备生产线，年产医学影像设备2000台。',
    ),
    invite(
      '湘创医疗',
      '湖南湘创医疗科技有限公司',
      '医用高分子耗材生产',
      10000,
      'new',
      '红仑',
      '租赁GMP标准厂房8000平方米，建设输注器械、医用导管等高分子耗材生产线，年产医用耗材5000万支。',
    ),
    work(
      '湘乡医疗器械产业园（一期）项目',
      PARK_PLATFORM,
      'infrastructure',
      68000,
      'new',
      '红仑',
      '建设GMP洁净标准厂房8万平方米及检验检测、灭菌消毒公共服务平台，承接介入、植入医疗器械企业入驻。',
    ),
    anchor(
      '鼎峰机械',
      '节能型工程机械零部件智能制造',
      26000,
      'new',
      '金石',
      '新建厂房2.6万平方米，购置数控加工中心、机器人焊接工作站，年产节能型工程机械结构件及零部件5万吨。',
    ),
    anchor(
      '鼎峰机械',
      '智能装备数字化车间技改',
      7000,
      'upgrade',
      '金石',
      '对机加工车间实施数字化改造，新增五轴加工中心8台及设备联网和生产管理系统。',
    ),
    anchor(
      '三联环保科技',
      '环保除尘设备智能化生产线技改',
      11000,
      'upgrade',
      '金石',
      '改造现有厂房1.5万平方米，新增激光切割、自动焊接及喷涂生产线，年新增袋式除尘、电除尘设备500台（套）。',
    ),
    anchor(
      '强联铁路机械',
      '轨道交通车辆配件扩能',
      32000,
      'expansion',
      '金石',
      '扩建生产车间2.8万平方米，新增转向架构架、车钩缓冲装置生产线，年新增轨道车辆配件3万件。',
    ),
    anchor(
      '强联铁路机械',
      '研发检测中心',
      6000,
      'new',
      '金石',
      '建设研发检测楼6000平方米，配置疲劳试验台、无损检测等设备，开展先进轨道牵引装备配件研发。',
    ),
    anchor(
      '万龙机械',
      '新型输送机及物流机械',
      18000,
      'new',
      '金石',
      '新建厂房1.8万平方米，建设带式输送机、智能分拣及物流输送设备生产线，年产物流机械设备3000台（套）。',
    ),
    invite(
      '金石精工',
      '湖南金石精工科技有限公司',
      '精密机械零部件加工基地',
      14000,
      'new',
      '金石',
      '新建厂房1.4万平方米，购置精密数控车床、磨床及三坐标检测设备，年产精密机械零部件200万件。',
    ),
    invite(
      '湘航精密',
      '湖南湘航精密制造有限公司',
      '航空机械装备零部件',
      40000,
      'new',
      '金石',
      '新建精密加工车间及热处理车间3万平方米，建设航空结构件、起落架零部件加工生产线。',
    ),
    invite(
      '龙城表面处理',
      '湖南龙城表面处理有限公司',
      '高技术电镀集中区',
      22000,
      'new',
      '城西',
      '建设集中电镀厂房2万平方米及电镀废水集中处理设施，入驻电镀生产线40条，实现电镀企业集中规范管理。',
    ),
    work(
      '金石工业片区标准厂房（二期）项目',
      '湘乡市金石新区建设开发有限公司',
      'infrastructure',
      32000,
      'new',
      '金石',
      '建设标准厂房10栋共12万平方米及片区道路、给排水、供电配套设施，承接先进装备制造企业入驻。',
    ),
  ],
  JC: [
    anchor(
      '韶峰南方绿色建材',
      '产业园（一期）',
      150000,
      'new',
      '棋梓',
      '建设水泥粉磨站、商品混凝土、新型墙材及装配式构件生产基地，总建筑面积12万平方米，打造全省绿色建材产业示范基地。',
    ),
    anchor(
      '韶峰南方绿色建材',
      '水泥窑协同处置固废技改',
      25000,
      'upgrade',
      '棋梓',
      '依托现有水泥熟料生产线，建设协同处置一般工业固废及污泥系统，年处置能力15万吨。',
    ),
    anchor(
      '韶峰南方绿色建材',
      '高性能混凝土预制构件生产线',
      30000,
      'new',
      '棋梓',
      '新建预制构件厂房3万平方米，建设叠合板、预制楼梯、管片等生产线，年产高性能混凝土预制构件20万立方米。',
    ),
    anchor(
      '巨强科技',
      '节能中空玻璃生产线扩建',
      18000,
      'expansion',
      '棋梓',
      '扩建深加工车间1.6万平方米，新增钢化、夹胶、中空玻璃自动生产线，年新增节能玻璃200万平方米。',
    ),
    anchor(
      '金联建材',
      '混凝土外加剂生产线',
      9000,
      'new',
      '棋梓',
      '新建生产车间及储罐区8000平方米，建设聚羧酸高性能减水剂生产线，年产混凝土外加剂10万吨。',
    ),
    anchor(
      '金联建材',
      '干混砂浆及特种砂浆',
      7000,
      'new',
      '棋梓',
      '建设干混砂浆全自动生产线2条，年产普通干混砂浆及保温、防水等特种砂浆30万吨。',
    ),
    anchor(
      '嘉寓门窗',
      '高效节能系统门窗',
      20000,
      'new',
      '棋梓',
      '新建门窗加工厂房2万平方米，建设断桥铝合金系统门窗、被动式门窗生产线，年产节能门窗50万平方米。',
    ),
    invite(
      '棋梓筑工',
      '湖南棋梓筑工科技有限公司',
      '装配式建筑部品部件生产基地',
      40000,
      'new',
      '棋梓',
      '新建生产厂房3.5万平方米，建设预制墙板、楼板、钢结构部品生产线，年产装配式建筑部品部件15万立方米。',
    ),
    invite(
      '湘韵新材',
      '湖南湘韵新型建材有限公司',
      '蒸压加气混凝土板材',
      12000,
      'new',
      '棋梓',
      '新建厂房1.2万平方米，建设蒸压加气混凝土板材、砌块生产线，年产加气混凝土制品40万立方米。',
    ),
    invite(
      '龙城建材',
      '湖南龙城建材有限公司',
      '纸面石膏板生产线',
      16000,
      'new',
      '棋梓',
      '利用工业副产石膏，建设纸面石膏板生产线1条，年产纸面石膏板3000万平方米。',
    ),
    invite(
      '湘蓉新材',
      '湖南湘蓉防水材料有限公司',
      '防水卷材及保温材料',
      10000,
      'new',
      '棋梓',
      '建设高分子防水卷材、保温防水一体化柔性屋面材料生产线，年产防水卷材1500万平方米。',
    ),
    invite(
      '东台耐材',
      '湖南东台耐火材料有限公司',
      '新型耐火材料',
      8000,
      'new',
      '棋梓',
      '建设不定形耐火材料及轻质隔热耐火砖生产线，年产新型耐火材料5万吨。',
    ),
    work(
      '棋梓工业片区道路及管网配套工程',
      '湘乡市棋梓镇人民政府',
      'infrastructure',
      25000,
      'new',
      '棋梓',
      '新建片区主干道3.5公里、次干道2公里，同步铺设给水、雨污分流及电力通信管网。',
    ),
  ],
  XH: [
    anchor(
      '中节能',
      '生活垃圾焚烧发电',
      60000,
      'new',
      '龙洞镇',
      '建设日处理生活垃圾800吨的焚烧发电厂，配置机械炉排焚烧炉2台、汽轮发电机组1套及烟气净化系统。',
      '中节能（湘乡）环保能源有限公司',
    ),
    anchor(
      '中节能',
      '餐厨垃圾资源化处理',
      8000,
      'new',
      '龙洞镇',
      '建设日处理餐厨垃圾100吨的资源化处理设施，配套收运车辆及沼气利用系统。',
      '中节能（湘乡）环保能源有限公司',
    ),
    anchor(
      '巨强科技',
      '再生玻璃制品及光伏压延玻璃',
      85000,
      'new',
      '棋梓',
      '利用废旧玻璃为原料，建设光伏压延玻璃窑炉及深加工生产线，年产光伏压延玻璃2000万平方米。',
    ),
    anchor(
      '巨强科技',
      '玻璃生产线自动化检测技改',
      5000,
      'upgrade',
      '棋梓',
      '与高校合作研发玻璃在线缺陷自动检测系统，对现有3条玻璃生产线实施自动化检测改造。',
    ),
    anchor(
      '绿营环保',
      '废弃油脂再生油品',
      15000,
      'new',
      '城西',
      '建设废弃油脂预处理、精炼及生物柴油生产装置，年处理废弃油脂5万吨。',
    ),
    anchor(
      '绿营环保',
      '再生塑料制品',
      12000,
      'new',
      '城西',
      '建设废旧塑料分选、清洗、造粒及改性生产线，年产再生塑料颗粒及制品3万吨。',
    ),
    invite(
      '湘睿环境',
      '湖南湘睿环境科技有限公司',
      '碱渣综合利用',
      20000,
      'new',
      '城西',
      '建设碱渣脱水、改性及制砖生产线，年综合利用碱渣等大宗固废30万吨。',
    ),
    invite(
      '水府再生',
      '湖南水府再生资源有限公司',
      '大宗固废资源化利用中心',
      18000,
      'new',
      '棋梓',
      '建设建筑垃圾、尾矿、煤矸石破碎分选及再生骨料生产线，年处理大宗固废50万吨。',
    ),
    work(
      '虞唐工业片区污水处理厂及配套管网工程',
      '湘乡市虞唐镇人民政府',
      'infrastructure',
      15000,
      'new',
      '虞唐',
      '新建日处理能力1万吨的污水处理厂1座，配套铺设污水收集管网12公里。',
    ),
  ],
  PG: [
    anchor(
      '洁源生物',
      '污泥综合处理提质改造',
      9000,
      'renovation',
      '皮革',
      '对现有制革污泥处理设施提质改造，新增污泥深度脱水、干化及资源化利用设备，日处理污泥能力提升至300吨。',
    ),
    anchor(
      '银河制革',
      '清洁化制革生产线技改',
      15000,
      'upgrade',
      '皮革',
      '推广少铬鞣、无氨脱灰等清洁制革工艺，改造鞣制、染整生产线，配套废水分质处理设施。',
    ),
    anchor(
      '银河制革',
      '高档头层革扩产',
      22000,
      'expansion',
      '皮革',
      '扩建制革车间2万平方米，新增转鼓、片皮机、喷涂线等设备，年新增高档头层革300万平方米。',
    ),
    anchor(
      '怀其皮革集团',
      '皮革制品深加工产业园',
      45000,
      'new',
      '皮革',
      '建设标准厂房及研发设计中心5万平方米，引进制鞋、皮件、皮衣等皮革制品深加工企业入驻。',
    ),
    anchor(
      '怀其皮革集团',
      '汽车座椅革',
      30000,
      'new',
      '皮革',
      '新建汽车座椅革生产车间2.5万平方米，建设环保型汽车内饰革生产线，年产汽车座椅革500万平方米。',
    ),
    anchor(
      '金子箱包',
      '箱包智能制造扩能',
      12000,
      'expansion',
      '皮革',
      '扩建箱包生产车间1.5万平方米，引进自动裁断、电脑缝纫及吊挂流水线，年新增箱包150万只。',
    ),
    anchor(
      '金子箱包',
      '出口箱包研发设计中心',
      4000,
      'new',
      '皮革',
      '建设研发设计及展示中心3000平方米，开展自主品牌和出口箱包产品设计。',
    ),
    invite(
      '东郊鞋业',
      '湖南东郊鞋业有限公司',
      '中高档皮鞋生产',
      16000,
      'new',
      '皮革',
      '租赁标准厂房1.8万平方米，建设皮鞋自动化生产线10条，年产中高档皮鞋300万双。',
    ),
    invite(
      '涟滨化工',
      '湖南涟滨皮革化工有限公司',
      '环保型皮革化学品',
      18000,
      'new',
      '皮革',
      '建设环保型鞣剂、加脂剂、涂饰剂生产装置，年产皮革化学品3万吨。',
    ),
    invite(
      '龙城革业',
      '湖南龙城革业有限公司',
      '仿鳄鱼皮等仿制革',
      10000,
      'new',
      '皮革',
      '建设压花、印刷、移膜等仿制革生产线，年产仿鳄鱼皮等仿制革200万平方米。',
    ),
    invite(
      '湘蓉服饰',
      '湖南湘蓉服饰有限公司',
      '皮衣皮件加工',
      6000,
      'new',
      '皮革',
      '租赁标准厂房8000平方米，建设皮衣、皮带、皮具加工生产线，年产皮衣皮件80万件。',
    ),
    invite(
      '韶华机械',
      '湖南韶华皮革机械有限公司',
      '皮革机械及五金配件',
      8000,
      'new',
      '皮革',
      '建设转鼓、削匀机等皮革机械及箱包五金配件生产线，年产皮革机械300台、五金配件5000万件。',
    ),
    work(
      '湘乡经济开发区皮革工业园污水处理厂提标改造工程',
      PARK_PLATFORM,
      'infrastructure',
      14000,
      'renovation',
      '皮革',
      '对园区污水处理厂实施提标改造，新增深度处理及在线监测设施，出水稳定达到一级A排放标准。',
    ),
  ],
  ZZ: [
    anchor(
      '忠心铸造',
      '智能化铸造生产线技改',
      18000,
      'upgrade',
      '金石',
      '淘汰冲天炉，新建中频感应电炉熔炼及自动造型生产线，配套砂处理和除尘系统。',
    ),
    anchor(
      '忠心铸造',
      '精密铸件扩产',
      25000,
      'expansion',
      '金石',
      '扩建铸造车间2万平方米，新增精密铸造生产线2条，年新增内燃机、空压机精密铸件3万吨。',
    ),
    anchor(
      '新曙光铸造',
      '消失模铸造数字化车间',
      12000,
      'upgrade',
      '城西',
      '建设消失模铸造数字化车间，新增自动浇注、机器人打磨设备及生产管理系统。',
    ),
    anchor(
      '新曙光铸造',
      '机车配件精密铸造',
      20000,
      'new',
      '城西',
      '新建生产车间1.8万平方米，建设机车配件、石油钻采设备铸件生产线，年产精密铸件2万吨。',
    ),
    invite(
      '金石智铸',
      '湖南金石智铸科技有限公司',
      '绿色铸造产业园',
      50000,
      'new',
      '金石',
      '建设铸造标准厂房6万平方米及集中除尘、砂再生处理设施，整合引进绿色铸造企业10家。',
    ),
    invite(
      '湘蓉精铸',
      '湖南湘蓉精密铸造有限公司',
      '空压机及石油钻采设备铸件',
      15000,
      'new',
      '金石',
      '新建厂房1.5万平方米，建设树脂砂造型生产线，年产空压机、石油钻采设备铸件1.5万吨。',
    ),
  ],
  HG: [
    anchor(
      '湘潭碱业',
      '纯碱装置节能降耗技改',
      30000,
      'upgrade',
      '城西',
      '对纯碱生产装置实施节能改造，更新蒸汽煅烧炉、压缩机等主体设备，年节约标准煤2万吨。',
    ),
    anchor(
      '湘潭碱业',
      '小苏打及精细化学品扩产',
      20000,
      'expansion',
      '城西',
      '新建食品级、医药级小苏打生产装置，年新增小苏打等精细化学品10万吨。',
    ),
    anchor(
      '五矿铁合金',
      '冶炼装备升级及余热发电',
      40000,
      'upgrade',
      '城西',
      '淘汰落后矿热炉，新建大型密闭矿热炉2台，配套建设余热发电机组及烟气治理设施。',
    ),
    anchor(
      '湖南开门子肥业',
      '新型水溶肥生产线',
      12000,
      'new',
      '城西',
      '建设大量元素水溶肥、微生物菌剂生产线，年产新型水溶肥10万吨。',
    ),
    anchor(
      '东方冶金炉料',
      '环保型冶金炉料生产线技改',
      8000,
      'upgrade',
      '城西',
      '改造冶金炉料生产线，新增密闭输送、除尘及自动配料系统，实现超低排放。',
    ),
    invite(
      '湘睿化学',
      '湖南湘睿化学材料有限公司',
      '电子级化学品',
      35000,
      'new',
      '城西',
      '建设电子级硫酸、双氧水等湿电子化学品生产装置及配套储运设施，年产电子级化学品5万吨。',
    ),
    invite(
      '龙城新材料',
      '湖南龙城新材料有限公司',
      '聚合物改性材料',
      22000,
      'new',
      '城西',
      '建设聚丙烯、尼龙等聚合物改性生产线12条，年产改性工程塑料8万吨。',
    ),
    work(
      '湘乡绿色化工园区安全环保提质工程',
      PARK_PLATFORM,
      'infrastructure',
      28000,
      'renovation',
      '城西',
      '建设园区封闭化管理设施、智慧安全监控平台、应急事故池及雨污分流管网。',
    ),
    work(
      '湘乡经济开发区城西工业区老工业区改造提升工程',
      PARK_PLATFORM,
      'infrastructure',
      36000,
      'renovation',
      '城西',
      '改造提升城西老工业区道路8公里及供排水管网，盘活闲置厂房和土地，完善园区配套服务设施。',
    ),
  ],
  SZ: [
    work(
      '湘乡数字创意产业园项目',
      '湘乡市文化旅游投资有限公司',
      'other',
      30000,
      'new',
      '泉塘镇',
      '建设数字创意产业楼宇及众创空间5万平方米，引进动漫设计、数字出版、文化软件等企业入驻。',
    ),
    invite(
      '涟水数据',
      '湖南涟水数据科技有限公司',
      '云计算及大数据中心',
      60000,
      'new',
      '红仑',
      '新建数据中心机房楼2栋，规划机柜3000架，配套建设变电站及制冷系统，提供云计算和数据存储服务。',
    ),
    invite(
      '湘睿数字',
      '湖南湘睿数字科技有限公司',
      '5G+工业互联网应用示范',
      8000,
      'new',
      '红仑',
      '建设工业互联网标识解析节点和5G专网，为园区企业提供设备联网、数据采集和数字化改造服务。',
    ),
    invite(
      '东山文创',
      '湖南东山文化创意有限公司',
      '动漫游戏及电竞产业基地',
      15000,
      'new',
      '泉塘镇',
      '改造闲置楼宇2万平方米，建设动漫制作、游戏研发、电竞赛事场馆及直播基地。',
    ),
    invite(
      '韶华科技',
      '湖南韶华数字科技有限公司',
      '数字文化装备生产',
      12000,
      'new',
      '城西',
      '租赁标准厂房1.2万平方米，建设数字展示屏、沉浸式投影等数字文化装备生产线。',
    ),
    work(
      '湘乡经济开发区智慧园区综合管理平台项目',
      PARK_PLATFORM,
      'other',
      5000,
      'new',
      '红仑',
      '建设园区大数据中心、企业服务、安全监管和能耗监测平台，实现园区管理服务“一网通办”。',
    ),
  ],
  WR: [
    work(
      '湘乡无人机产业园（一期）项目',
      '湘乡市产业发展投资有限公司',
      'industry',
      80000,
      'new',
      '金石',
      '建设无人机研发中心、整机组装厂房、试飞场及展示中心，总建筑面积8万平方米。',
    ),
    invite(
      '云门航空',
      '湖南云门航空科技有限公司',
      '工业级无人机整机组装',
      30000,
      'new',
      '金石',
      '新建生产厂房2万平方米，建设工业级多旋翼、固定翼无人机总装及测试线，年产无人机5000架。',
    ),
    invite(
      '翔湘科技',
      '湖南翔湘科技有限公司',
      '无人机飞控及任务载荷',
      15000,
      'new',
      '红仑',
      '建设飞控系统、光电吊舱等任务载荷研发生产线，年产飞控系统2万套。',
    ),
    invite(
      '涟滨智飞',
      '湖南涟滨智飞科技有限公司',
      '无人机电池及无线充电模块',
      12000,
      'new',
      '红仑',
      '建设无人机专用锂电池组、无线充电模块生产线，年产电池组20万组。',
    ),
    invite(
      '云门航空',
      '湖南云门航空科技有限公司',
      '无人机试飞及机手培训基地',
      6000,
      'new',
      '金石镇',
      '建设试飞跑道、培训教室及维修车间，开展农林植保、巡检测绘等机手培训，年培训机手1000人次。',
    ),
  ],
  KY: [
    work(
      '湘乡市医康养一体化中心项目',
      '湘乡市人民医院',
      'livelihood',
      60000,
      'new',
      '东郊镇',
      '新建医疗综合楼、康复楼及养老护理楼，总建筑面积9万平方米，新增医疗床位600张、康养床位400张。',
    ),
    invite(
      '',
      '湖南水府文旅康养有限公司',
      '水府生态“健康+”康养小镇',
      120000,
      'new',
      '棋梓镇',
      '依托水府庙水库生态资源，建设康养度假区、中医康复中心、森林步道及配套服务设施。',
    ),
    work(
      '湘乡市中医医院中医药传承创新中心项目',
      '湘乡市中医医院',
      'livelihood',
      25000,
      'new',
      '泉塘镇',
      '建设中医药传承创新综合楼3万平方米，设置中医馆、治未病中心及中药制剂室。',
    ),
    invite(
      '东台山药业',
      '湖南东台山中药材有限公司',
      '中药材标准化种植及精深加工基地',
      15000,
      'new',
      '龙洞镇',
      '建设中药材标准化种植基地5000亩及饮片加工车间，年加工中药饮片3000吨。',
    ),
    work(
      '湘乡市乡镇卫生院提质改造工程',
      '湘乡市卫生健康局',
      'livelihood',
      8000,
      'renovation',
      '金石镇',
      '对12所乡镇卫生院实施业务用房提质改造，配置数字化X光机、彩超等医疗设备。',
    ),
    work(
      '湘乡市社会福利中心养老服务项目',
      '湘乡市民政局',
      'livelihood',
      12000,
      'new',
      '东郊镇',
      '新建养老服务综合楼2万平方米，设置养老床位500张，配套医疗护理及康复设施。',
    ),
  ],
};

/** Projects for a chain the plan does not have (added by the office): built from its name and anchors. */
function fallbackTemplates(chainName: string, anchors: string[]): ProjectTemplate[] {
  const templates: ProjectTemplate[] = [];
  for (const company of anchors.slice(0, 4)) {
    templates.push(
      anchor(
        company,
        `${chainName}产品扩能`,
        20000,
        'expansion',
        '红仑',
        `扩建生产车间1.5万平方米，新增${chainName}产品生产线，提升产能和产品档次。`,
      ),
      anchor(
        company,
        '智能化技术改造',
        8000,
        'upgrade',
        '城西',
        '对现有生产线实施智能化改造，新增自动化设备和生产管理系统。',
      ),
    );
  }
  templates.push(
    work(
      `湘乡${chainName}产业园（一期）项目`,
      PARK_PLATFORM,
      'industry',
      50000,
      'new',
      '红仑',
      `建设标准厂房及配套设施6万平方米，承接${chainName}企业入驻。`,
    ),
    work(
      `${chainName}产业公共服务平台项目`,
      PARK_PLATFORM,
      'other',
      6000,
      'new',
      '城西',
      `建设${chainName}产业检验检测、研发设计公共服务平台。`,
    ),
  );
  return templates;
}

// ---------------------------------------------------------------------------------------------
// Reference: units and chain leads
// ---------------------------------------------------------------------------------------------

export const DEMO_UNITS: string[] = [
  '市发展和改革局',
  '市工业和信息化局',
  '市自然资源局',
  '市住房和城乡建设局',
  '市生态环境局',
  '湘乡经济开发区管委会',
  '市商务局',
  '市招商服务中心',
  '市科学技术局',
  '市交通运输局',
  '市卫生健康局',
  '市文化旅游广电体育局',
  '金石镇人民政府',
  '棋梓镇人民政府',
  '虞唐镇人民政府',
  '东郊镇人民政府',
];

const CHAIN_LEAD_UNITS: Record<string, string> = {
  DQ: '湘乡经济开发区管委会',
  DZ: '市工业和信息化局',
  YL: '市科学技术局',
  JC: '市住房和城乡建设局',
  XH: '市生态环境局',
  PG: '市商务局',
  ZZ: '市工业和信息化局',
  HG: '市发展和改革局',
  SZ: '市文化旅游广电体育局',
  WR: '市招商服务中心',
  KY: '市卫生健康局',
};

/** The plan names no chain lead, so the demo uses a title in their place (chains.json note). */
export function demoChainLead(chainCode: string, chainName: string): { chainLead: string; leadUnitName: string } {
  return {
    chainLead: `市领导（${chainName}链长）`,
    leadUnitName: CHAIN_LEAD_UNITS[chainCode] ?? '市发展和改革局',
  };
}

// ---------------------------------------------------------------------------------------------
// Wording pools: what a project office writes in 形象进度, 责任人 and 联系人 columns
// ---------------------------------------------------------------------------------------------

const PROGRESS = {
  reserveSigned: ['已签订投资框架协议，正在洽谈正式投资合同', '已签订投资框架协议，正在对接选址和用地指标'],
  reserveNegotiating: [
    '投资方已完成实地考察，正在商谈投资协议条款',
    '正在开展项目洽谈，待提交市招商引资项目评审会审议',
    '已完成项目建议书编制，正在开展投资强度和税收测算',
  ],
  reserveOwn: [
    '正在编制项目建议书',
    '已委托编制可行性研究报告，正在开展方案比选',
    '项目已纳入市级项目库，正在谋划包装和争取上级资金',
  ],
  preliminary: [
    '已完成立项备案，正在办理环评和节能审查手续',
    '用地预审与选址意见已批复，正在组织土地摘牌',
    '已完成土地摘牌，正在办理工程规划许可',
    '施工图正在审查，同步办理施工许可',
    '可研报告已通过评审，正在办理用地报批',
    '环评已批复，正在进行施工招标',
  ],
  preliminaryRenovation: ['初步设计已批复，正在进行施工图设计', '可研报告已通过评审，正在申报上级资金'],
  preliminaryUpgrade: ['已完成技改项目备案，正在进行设备选型和招标', '正在办理节能审查和环评手续，同步开展设备询价'],
  startedIndustry: [
    '已完成场地平整，正在进行桩基施工',
    '基础施工完成约60%，钢结构构件已进场',
    '1#厂房基础完工，2#厂房正在桩基施工',
    '主体结构施工至二层',
    '场地平整和临建设施完成，正在开挖基础',
    '主体钢结构吊装完成40%',
  ],
  startedUpgrade: [
    '车间改造已完成，正在安装调试新增设备',
    '已完成设备招标，首批设备已到场安装',
    '老旧设备拆除完成，正在进行基础改造',
  ],
  startedRenovation: ['施工单位已进场，正在进行拆除和改造施工'],
  continuingRenovation: ['改造工程完成约70%，正在进行设备安装'],
  startedPublic: [
    '已完成施工围挡和临建，正在进行土方开挖',
    '基础施工完成约50%，同步推进管线迁改',
    '正在进行桩基施工，已完成工程量的30%',
  ],
  notStarted: [
    '施工许可证正在办理，暂未开工',
    '受用地报批影响，尚未具备开工条件',
    '施工单位已确定，因征地拆迁未完成暂未进场',
    '土地摘牌后规划方案调整，开工时间推迟',
  ],
  continuingIndustry: [
    '主体结构封顶，正在进行设备安装',
    '厂房主体完工，正在进行内外装修',
    '生产线设备安装调试中，计划年底试生产',
    '二期厂房钢结构吊装完成80%',
    '一期已投产，二期主体施工中',
    '室外配套工程施工中，设备陆续进场',
  ],
  continuingUpgrade: ['新增设备已完成安装，正在进行联动调试', '车间改造完成80%，部分设备已投入使用'],
  finishing: ['设备调试基本完成，正在办理竣工验收手续', '已进入试生产，正在完善配套设施和验收资料'],
  finishingPublic: ['主体工程已完工，正在组织竣工验收'],
  continuingPublic: [
    '主体工程完成约70%，正在进行配套设施施工',
    '主体结构封顶，正在进行水电安装和装饰工程',
    '已完成工程量的60%，正在推进附属工程',
  ],
  lagging: [
    '受资金到位滞后影响，施工进度放缓',
    '设备采购延迟，安装进度滞后于计划',
    '受征地拆迁遗留问题影响，部分区域暂停施工',
    '施工单位调整，主体施工进度滞后',
  ],
} as const;

const UNIT_SHORT_NAMES: Record<string, string> = {
  市发展和改革局: '市发改局',
  市工业和信息化局: '市工信局',
  市住房和城乡建设局: '市住建局',
  市科学技术局: '市科技局',
  市卫生健康局: '市卫健局',
  市文化旅游广电体育局: '市文旅广体局',
};

/** 责任人 is filled with the post that answers for the project, never with an invented name. */
function postsOfUnit(unitName: string): string[] {
  if (unitName === '湘乡经济开发区管委会') {
    return ['开发区管委会副主任', '开发区党工委委员', '开发区项目建设部部长'];
  }
  const town = /^(.+镇)人民政府$/.exec(unitName);
  if (town) return [`${town[1]}镇长`, `${town[1]}党委副书记`, `${town[1]}副镇长`];
  const short = UNIT_SHORT_NAMES[unitName] ?? unitName;
  if (unitName.endsWith('局')) return [`${short}副局长`, `${short}局长`];
  if (unitName.endsWith('中心')) return [`${short}主任`, `${short}副主任`];
  return [`${short}负责人`];
}

const OWNER_POSTS = ['建设单位总经理', '建设单位项目负责人'];
const CONTACT_POSTS = ['项目专干', '建设单位项目部经理', '建设单位办公室主任', '项目办联络员', '企业服务专员'];

// ---------------------------------------------------------------------------------------------
// Dates and money
// ---------------------------------------------------------------------------------------------

const YUAN_PER_WAN = 10_000;
const MIN_TOTAL_WAN = 3_000;
const MAX_TOTAL_WAN = 600_000;

const iso = (date: Date): string => format(date, 'yyyy-MM-dd');
const dayOf = (year: number, month: number, day: number): Date => new Date(year, month - 1, day);
const earlier = (a: Date, b: Date): Date => (a <= b ? a : b);
const later = (a: Date, b: Date): Date => (a >= b ? a : b);

function randomDay(rng: Random, from: Date, to: Date): Date {
  const span = differenceInCalendarDays(to, from);
  return span <= 0 ? from : addDays(from, rng.int(0, span));
}

function roundTotalWan(wan: number): number {
  const step = wan >= 100_000 ? 1_000 : wan >= 10_000 ? 500 : 100;
  return Math.min(MAX_TOTAL_WAN, Math.max(MIN_TOTAL_WAN, Math.round(wan / step) * step));
}

/** 本年计划投资: whole 万元, 10万 steps for larger figures, never above what is left. */
function planYuan(desiredWan: number, remainingYuan: number): number {
  const wan = Math.min(desiredWan, Math.floor(remainingYuan / YUAN_PER_WAN));
  const rounded = wan >= 1_000 ? Math.floor(wan / 10) * 10 : Math.floor(wan);
  return Math.max(0, rounded) * YUAN_PER_WAN;
}

/** 截至上年底累计完成: a share of the total, in 百元 steps (0.01 万元). */
function shareYuan(totalYuan: number, share: number): number {
  return Math.floor((totalYuan / 100) * share) * 100;
}

/** Splits an amount over months in 百元 steps; February is light (春节). */
function spreadOverMonths(rng: Random, amountYuan: number, months: number[]): DemoProject['monthly'] {
  const hundreds = Math.floor(amountYuan / 100);
  const weights = months.map((month) => rng.between(0.6, 1.4) * (month === 2 ? 0.5 : 1));
  const weightSum = weights.reduce((sum, weight) => sum + weight, 0);
  let left = hundreds;
  return months.map((month, index) => {
    const part = index === months.length - 1 ? left : Math.floor((hundreds * weights[index]) / weightSum);
    left -= part;
    return { month, amountYuan: part * 100 };
  });
}

const range = (from: number, to: number): number[] =>
  to < from ? [] : Array.from({ length: to - from + 1 }, (_, index) => from + index);

// ---------------------------------------------------------------------------------------------
// Building the projects
// ---------------------------------------------------------------------------------------------

const STAGE_ORDER: Stage[] = ['reserve', 'preliminary', 'new_start', 'continuing', 'completed'];
/** Shares of a typical county list: 储备 15, 前期 25, 新开工 35, 续建 35, 竣工 10 (per 120). */
const STAGE_SHARES: Record<Stage, number> = {
  reserve: 15,
  preliminary: 25,
  new_start: 35,
  continuing: 35,
  completed: 10,
};

/** How a 新开工 project stands today: started, not started (late or >90 days late), or due later. */
type StartKind = 'started' | 'late' | 'overdue' | 'upcoming';

function stageCounts(total: number): Record<Stage, number> {
  const shareSum = STAGE_ORDER.reduce((sum, stage) => sum + STAGE_SHARES[stage], 0);
  const exact = STAGE_ORDER.map((stage) => (total * STAGE_SHARES[stage]) / shareSum);
  const counts = exact.map(Math.floor);
  const byRemainder = STAGE_ORDER.map((_, index) => index).sort(
    (a, b) => exact[b] - Math.floor(exact[b]) - (exact[a] - Math.floor(exact[a])) || a - b,
  );
  let missing = total - counts.reduce((sum, count) => sum + count, 0);
  for (const index of byRemainder) {
    if (missing <= 0) break;
    counts[index] += 1;
    missing -= 1;
  }
  return Object.fromEntries(STAGE_ORDER.map((stage, index) => [stage, counts[index]])) as Record<Stage, number>;
}

interface Context {
  ref: DemoReference;
  rng: Random;
  today: Date;
  year: number;
  yearStart: Date;
  yearEnd: Date;
  /** Months with figures this year (“1—N月”): the months before today's. */
  monthsReported: number;
  unitIdByName: Map<string, number>;
}

interface Slot {
  template: ProjectTemplate;
  chain: DemoReference['chains'][number];
}

interface Schedule {
  plannedStart: Date | null;
  actualStart: Date | null;
  plannedCompletion: Date | null;
  actualCompletion: Date | null;
  startYear: number;
  endYear: number;
}

function resolvePlace(
  ctx: Context,
  place: string,
): { parkId: number | null; location: string; park: DemoReference['parks'][number] | null } {
  if ((PARK_KEYWORDS as readonly string[]).includes(place)) {
    const park = ctx.ref.parks.find((candidate) => candidate.name.includes(place));
    if (park) return { parkId: park.id, location: park.name, park };
    const town = DEMO_TOWNSHIPS.find((name) => name.startsWith(place)) ?? '泉塘镇';
    return { parkId: null, location: town, park: null };
  }
  return { parkId: null, location: place, park: null };
}

function placeUnitName(park: DemoReference['parks'][number] | null, location: string): string {
  if (park) {
    if (park.area === '一核心' || park.name.includes('经济开发区')) return '湘乡经济开发区管委会';
    return `${park.name.slice(0, 2)}镇人民政府`;
  }
  return `${location}人民政府`;
}

function scheduleFor(ctx: Context, stage: Stage, kind: StartKind | null): Schedule {
  const { rng, today, year, yearStart, yearEnd } = ctx;
  const elapsed = differenceInCalendarDays(today, yearStart);
  const completionAfter = (start: Date, fromMonths: number, toMonths: number): Date =>
    randomDay(rng, addMonths(start, fromMonths), addMonths(start, toMonths));
  const earlierStart = (): Date =>
    rng.chance(0.55)
      ? randomDay(rng, dayOf(year - 1, 1, 10), dayOf(year - 1, 12, 20))
      : randomDay(rng, dayOf(year - 2, 3, 1), dayOf(year - 2, 12, 20));

  switch (stage) {
    case 'reserve': {
      const startYear = year + 1;
      return {
        plannedStart: null,
        actualStart: null,
        plannedCompletion: null,
        actualCompletion: null,
        startYear,
        endYear: startYear + rng.int(1, 2),
      };
    }
    case 'preliminary': {
      const daysLeft = differenceInCalendarDays(yearEnd, today);
      const plannedStart =
        daysLeft >= 30 && rng.chance(0.4)
          ? randomDay(rng, addDays(today, 20), yearEnd)
          : randomDay(rng, dayOf(year + 1, 2, 15), dayOf(year + 1, 10, 31));
      const plannedCompletion = completionAfter(plannedStart, 12, 30);
      return {
        plannedStart,
        actualStart: null,
        plannedCompletion,
        actualCompletion: null,
        startYear: getYear(plannedStart),
        endYear: getYear(plannedCompletion),
      };
    }
    case 'new_start': {
      let plannedStart: Date;
      let actualStart: Date | null = null;
      if (kind === 'overdue' || kind === 'late') {
        const [least, most] = kind === 'overdue' ? [95, 240] : [8, 80];
        const daysLate = Math.min(rng.int(least, most), elapsed);
        plannedStart = addDays(today, -daysLate);
      } else if (kind === 'upcoming') {
        plannedStart = randomDay(rng, earlier(addDays(today, 5), yearEnd), yearEnd);
      } else {
        plannedStart = randomDay(rng, yearStart, later(yearStart, addDays(today, -3)));
        const offset = addDays(plannedStart, rng.int(-5, 20));
        actualStart = earlier(later(offset, yearStart), today);
      }
      const plannedCompletion = completionAfter(plannedStart, 10, 30);
      return {
        plannedStart,
        actualStart,
        plannedCompletion,
        actualCompletion: null,
        startYear: year,
        endYear: getYear(plannedCompletion),
      };
    }
    case 'continuing': {
      const actualStart = earlierStart();
      const plannedStart = addDays(actualStart, rng.int(-45, 10));
      const roll = rng.next();
      const endYear = roll < 0.35 ? year : roll < 0.8 ? year + 1 : year + 2;
      const plannedCompletion = randomDay(rng, dayOf(endYear, 3, 31), dayOf(endYear, 12, 31));
      return {
        plannedStart,
        actualStart,
        plannedCompletion,
        actualCompletion: null,
        startYear: getYear(actualStart),
        endYear,
      };
    }
    case 'completed': {
      const actualStart = earlierStart();
      const plannedStart = addDays(actualStart, rng.int(-30, 10));
      const actualCompletion = randomDay(rng, yearStart, today);
      const plannedCompletion = earlier(later(addDays(actualCompletion, rng.int(-50, 40)), yearStart), yearEnd);
      return {
        plannedStart,
        actualStart,
        plannedCompletion,
        actualCompletion,
        startYear: getYear(actualStart),
        endYear: year,
      };
    }
  }
}

interface Money {
  totalInvestmentYuan: number;
  investedBeforeYearYuan: number;
  annualPlanYuan: number;
}

function moneyFor(ctx: Context, template: ProjectTemplate, stage: Stage, schedule: Schedule): Money {
  const { rng, yearStart } = ctx;
  const totalWan = roundTotalWan(template.wan * rng.between(0.85, 1.2));
  const totalYuan = totalWan * YUAN_PER_WAN;
  let before = 0;
  let plan = 0;
  if (stage === 'preliminary' && schedule.startYear === ctx.year) {
    plan = planYuan(totalWan * rng.between(0.03, 0.08), totalYuan);
  } else if (stage === 'new_start') {
    plan = planYuan(totalWan * rng.between(0.18, 0.45), totalYuan);
  } else if (stage === 'continuing' && schedule.actualStart && schedule.plannedCompletion) {
    const duration = differenceInCalendarDays(schedule.plannedCompletion, schedule.actualStart);
    const done = differenceInCalendarDays(yearStart, schedule.actualStart) / duration;
    before = shareYuan(totalYuan, Math.min(0.8, Math.max(0.08, done * rng.between(0.8, 1.1))));
    const remainingWan = (totalYuan - before) / YUAN_PER_WAN;
    const daysLeft = Math.max(1, differenceInCalendarDays(schedule.plannedCompletion, yearStart));
    const thisYear =
      schedule.endYear === ctx.year
        ? rng.between(0.85, 1)
        : Math.min(0.9, Math.max(0.15, (365 / daysLeft) * rng.between(0.8, 1.1)));
    plan = planYuan(remainingWan * thisYear, totalYuan - before);
  } else if (stage === 'completed') {
    before = shareYuan(totalYuan, rng.between(0.55, 0.88));
    plan = planYuan(Number.POSITIVE_INFINITY, totalYuan - before);
  }
  return { totalInvestmentYuan: totalYuan, investedBeforeYearYuan: before, annualPlanYuan: plan };
}

function monthlyFor(
  ctx: Context,
  stage: Stage,
  schedule: Schedule,
  money: Money,
  lagging: boolean,
): DemoProject['monthly'] {
  const { rng, year, monthsReported } = ctx;
  if (!schedule.actualStart || money.annualPlanYuan === 0 || monthsReported === 0) return [];
  const firstMonth = getYear(schedule.actualStart) === year ? getMonth(schedule.actualStart) + 1 : 1;
  const lastMonth = schedule.actualCompletion
    ? Math.min(getMonth(schedule.actualCompletion) + 1, monthsReported)
    : monthsReported;
  const months = range(firstMonth, lastMonth);
  if (months.length === 0) return [];
  const timeShare = monthsReported / 12;
  const share =
    stage === 'completed'
      ? rng.between(0.9, 1)
      : lagging
        ? timeShare * rng.between(0.4, 0.82)
        : timeShare * rng.between(0.93, 1.12);
  const cap = Math.min(money.annualPlanYuan * 1.2, money.totalInvestmentYuan - money.investedBeforeYearYuan);
  return spreadOverMonths(rng, Math.min(money.annualPlanYuan * share, cap), months);
}

function progressFor(
  ctx: Context,
  template: ProjectTemplate,
  stage: Stage,
  kind: StartKind | null,
  schedule: Schedule,
  lagging: boolean,
  signed: boolean,
): string {
  const { rng, year, today } = ctx;
  const isPublic = template.category !== 'industry';
  const isUpgrade = template.nature === 'upgrade' || template.nature === 'renovation';
  switch (stage) {
    case 'reserve': {
      const pool = !template.isInvestmentPromotion
        ? PROGRESS.reserveOwn
        : signed
          ? PROGRESS.reserveSigned
          : PROGRESS.reserveNegotiating;
      return `${rng.pick(pool)}，力争${year + 1}年开工`;
    }
    case 'preliminary':
      if (template.nature === 'renovation') return rng.pick(PROGRESS.preliminaryRenovation);
      return rng.pick(isUpgrade ? PROGRESS.preliminaryUpgrade : PROGRESS.preliminary);
    case 'new_start': {
      if (kind === 'upcoming' && schedule.plannedStart) {
        const date = format(schedule.plannedStart, 'M月d日');
        return `前期手续基本完成，正在进行施工准备，计划${date}开工`;
      }
      if (!schedule.actualStart) return rng.pick(PROGRESS.notStarted);
      if (lagging) return rng.pick(PROGRESS.lagging);
      if (isPublic) {
        return rng.pick(isUpgrade ? PROGRESS.startedRenovation : PROGRESS.startedPublic);
      }
      return rng.pick(isUpgrade ? PROGRESS.startedUpgrade : PROGRESS.startedIndustry);
    }
    case 'continuing': {
      if (lagging) return rng.pick(PROGRESS.lagging);
      const dueSoon =
        schedule.plannedCompletion !== null && differenceInCalendarDays(schedule.plannedCompletion, today) <= 30;
      if (dueSoon) return rng.pick(isPublic ? PROGRESS.finishingPublic : PROGRESS.finishing);
      if (isPublic) {
        return rng.pick(isUpgrade ? PROGRESS.continuingRenovation : PROGRESS.continuingPublic);
      }
      return rng.pick(isUpgrade ? PROGRESS.continuingUpgrade : PROGRESS.continuingIndustry);
    }
    case 'completed': {
      const date = schedule.actualCompletion ? format(schedule.actualCompletion, 'M月') : '';
      if (isPublic) return `${date}完工并通过竣工验收，已投入使用`;
      if (isUpgrade) return `${date}技改设备安装调试完成，通过验收并投入生产`;
      return rng.pick([`${date}通过竣工验收，生产线已投产运行`, `${date}建成投产，正在办理竣工决算`]);
    }
  }
}

function signingFor(ctx: Context, template: ProjectTemplate, stage: Stage, schedule: Schedule): Date | null {
  const { rng, today, year } = ctx;
  if (!template.isInvestmentPromotion) return null;
  if (stage === 'reserve') {
    return rng.chance(0.5) ? randomDay(rng, later(dayOf(year, 1, 1), addDays(today, -240)), today) : null;
  }
  const anchorDate = schedule.actualStart ?? schedule.plannedStart ?? today;
  const latest = earlier(today, addDays(anchorDate, -rng.int(20, 90)));
  return randomDay(rng, addDays(latest, -rng.int(30, 300)), latest);
}

function unitsFor(
  ctx: Context,
  slot: Slot,
  stage: Stage,
  placeUnit: string,
): { leadUnitId: number | null; responsibleUnitIds: number[] } {
  const { rng, unitIdByName } = ctx;
  const { template, chain } = slot;
  const candidates: string[] = [];
  if (stage === 'reserve' || stage === 'preliminary') {
    candidates.push(rng.pick(['市自然资源局', '市发展和改革局', '市住房和城乡建设局']));
  }
  if (['HG', 'PG', 'XH'].includes(chain.code)) candidates.push('市生态环境局');
  if (template.isInvestmentPromotion) candidates.push(rng.pick(['市招商服务中心', '市商务局']));
  if (template.category === 'infrastructure') candidates.push('市住房和城乡建设局');
  if (template.category === 'livelihood') {
    candidates.push(chain.code === 'KY' ? '市卫生健康局' : '市住房和城乡建设局');
  }
  if (template.nature === 'upgrade') candidates.push('市工业和信息化局');
  const leadName = demoChainLead(chain.code, chain.name).leadUnitName;
  const names = [placeUnit, ...rng.shuffle(candidates)];
  const ids: number[] = [];
  for (const name of names) {
    const id = unitIdByName.get(name);
    if (id !== undefined && !ids.includes(id) && ids.length < 3) ids.push(id);
  }
  const leadUnitId = unitIdByName.get(leadName) ?? null;
  if (ids.length === 0) {
    const fallback = leadUnitId ?? ctx.ref.units[0]?.id;
    if (fallback !== undefined) ids.push(fallback);
  }
  return { leadUnitId, responsibleUnitIds: ids };
}

function buildProject(ctx: Context, slot: Slot, stage: Stage, kind: StartKind | null, lagging: boolean): DemoProject {
  const { rng, today } = ctx;
  const { template, chain } = slot;
  const schedule = scheduleFor(ctx, stage, kind);
  const started = schedule.actualStart !== null;
  const isLagging = lagging && started && stage !== 'completed';
  const money = moneyFor(ctx, template, stage, schedule);
  const monthly = monthlyFor(ctx, stage, schedule, money, isLagging);
  const place = resolvePlace(ctx, template.place);
  const placeUnit = placeUnitName(place.park, place.location);
  const units = unitsFor(ctx, slot, stage, placeUnit);
  const responsibleUnitName = ctx.ref.units.find((unit) => unit.id === units.responsibleUnitIds[0])?.name ?? placeUnit;
  const responsiblePerson =
    template.owner.endsWith('公司') && rng.chance(0.25)
      ? rng.pick(OWNER_POSTS)
      : rng.pick(postsOfUnit(responsibleUnitName));
  const signing = signingFor(ctx, template, stage, schedule);

  let inStatistics = false;
  if (schedule.actualStart) {
    const daysSinceStart = differenceInCalendarDays(today, schedule.actualStart);
    inStatistics = daysSinceStart >= 30 && (stage !== 'new_start' || rng.chance(0.88));
  }

  const notes: string[] = [];
  if (stage === 'new_start' && kind === 'overdue') notes.push('逾期未开工，列入周调度重点督办');
  if (isLagging) notes.push('投资完成进度滞后，需加快资金到位和施工组织');
  if (stage === 'reserve' && template.isInvestmentPromotion) {
    notes.push(signing ? '已签订投资框架协议' : '洽谈中');
  }
  const note = ['示例数据，非真实项目', ...notes].join('；');

  const progressText = progressFor(ctx, template, stage, kind, schedule, isLagging, signing !== null);
  const optionalDate = (date: Date | null): string | null => (date ? iso(date) : null);
  return {
    name: template.name,
    category: template.category,
    isInvestmentPromotion: template.isInvestmentPromotion,
    chainId: chain.id,
    chainLeadOverride: null,
    leadUnitId: units.leadUnitId,
    responsibleUnitIds: units.responsibleUnitIds,
    responsiblePerson,
    contactPerson: rng.pick(CONTACT_POSTS),
    contactPhone: `0731-5600${String(rng.int(0, 9999)).padStart(4, '0')}`,
    owner: template.owner,
    location: place.location,
    parkId: place.parkId,
    content: template.content,
    nature: template.nature,
    startYear: schedule.startYear,
    endYear: schedule.endYear,
    plannedStartDate: optionalDate(schedule.plannedStart),
    actualStartDate: optionalDate(schedule.actualStart),
    plannedCompletionDate: optionalDate(schedule.plannedCompletion),
    actualCompletionDate: optionalDate(schedule.actualCompletion),
    signingDate: optionalDate(signing),
    totalInvestmentYuan: money.totalInvestmentYuan,
    investedBeforeYearYuan: money.investedBeforeYearYuan,
    annualPlanYuan: money.annualPlanYuan,
    stage,
    progressText,
    inStatistics,
    note,
    monthly,
  };
}

function collectSlots(ref: DemoReference): Slot[] {
  const slots: Slot[] = [];
  const names = new Set<string>();
  for (const chain of ref.chains) {
    const templates = DEMO_CATALOG[chain.code] ?? fallbackTemplates(chain.name, chain.anchorCompanies);
    for (const template of templates) {
      let name = template.name;
      for (let phase = 2; names.has(name); phase += 1) {
        name = template.name.replace(/(项目|工程)$/, `（${phase}期）$1`);
      }
      names.add(name);
      slots.push({ template: { ...template, name }, chain });
    }
  }
  return slots;
}

/** 招商 projects are more often still being negotiated, so they lead the 储备/前期 queue. */
function assignStages(rng: Random, slots: Slot[]): { slot: Slot; stage: Stage; kind: StartKind | null }[] {
  const counts = stageCounts(slots.length);
  const ordered = slots
    .map((slot) => ({ slot, key: rng.next() - (slot.template.isInvestmentPromotion ? 0.35 : 0) }))
    .sort((a, b) => a.key - b.key)
    .map((entry) => entry.slot);
  const early = counts.reserve + counts.preliminary;
  const rest = rng.shuffle(ordered.slice(early));
  const stages: Stage[] = [
    ...Array<Stage>(counts.reserve).fill('reserve'),
    ...Array<Stage>(counts.preliminary).fill('preliminary'),
    ...Array<Stage>(counts.new_start).fill('new_start'),
    ...Array<Stage>(counts.continuing).fill('continuing'),
    ...Array<Stage>(counts.completed).fill('completed'),
  ];
  const newStartKinds = newStartKindsFor(counts.new_start);
  let newStartIndex = 0;
  return [...ordered.slice(0, early), ...rest].map((slot, index) => {
    const stage = stages[index];
    const kind = stage === 'new_start' ? newStartKinds[newStartIndex++] : null;
    return { slot, stage, kind };
  });
}

/** Of 35 新开工: 3 more than 90 days late, 3 late, 2 due later this year, the rest started. */
function newStartKindsFor(count: number): StartKind[] {
  const overdue = Math.round((count * 3) / 35);
  const late = Math.round((count * 3) / 35);
  const upcoming = Math.round((count * 2) / 35);
  const kinds: StartKind[] = [
    ...Array<StartKind>(overdue).fill('overdue'),
    ...Array<StartKind>(late).fill('late'),
    ...Array<StartKind>(upcoming).fill('upcoming'),
  ];
  while (kinds.length < count) kinds.push('started');
  return kinds.slice(0, count);
}

/** Edge dates (1 January, 31 December) leave some kinds impossible; fall back to one that fits. */
function feasibleKind(ctx: Context, kind: StartKind | null): StartKind | null {
  const elapsed = differenceInCalendarDays(ctx.today, ctx.yearStart);
  const daysLeft = differenceInCalendarDays(ctx.yearEnd, ctx.today);
  if (kind === 'overdue' && elapsed <= 90) return elapsed >= 1 ? 'late' : 'upcoming';
  if (kind === 'late' && elapsed < 1) return 'upcoming';
  if (kind === 'upcoming' && daysLeft < 1) return 'late';
  return kind;
}

/** Every park shows at least one project, even when the office has added parks of its own. */
function coverAllParks(ctx: Context, projects: DemoProject[]): void {
  for (const park of ctx.ref.parks) {
    if (projects.some((project) => project.parkId === park.id)) continue;
    const perPark = new Map<number | null, number>();
    for (const project of projects) {
      perPark.set(project.parkId, (perPark.get(project.parkId) ?? 0) + 1);
    }
    const candidate =
      projects.find((project) => project.parkId === null && project.category === 'industry') ??
      projects.find((project) => project.parkId !== null && (perPark.get(project.parkId) ?? 0) > 2);
    if (candidate) {
      candidate.parkId = park.id;
      candidate.location = park.name;
    }
  }
}

export function buildDemoProjects(ref: DemoReference, today: string): DemoProject[] {
  const todayDate = parseISO(today);
  const year = getYear(todayDate);
  const rng = createRandom(
    hashSeed([year, ...ref.chains.map((chain) => chain.code), ...ref.parks.map((park) => park.name)].join('|')),
  );
  const ctx: Context = {
    ref,
    rng,
    today: todayDate,
    year,
    yearStart: dayOf(year, 1, 1),
    yearEnd: dayOf(year, 12, 31),
    monthsReported: getMonth(todayDate),
    unitIdByName: new Map(ref.units.map((unit) => [unit.name, unit.id])),
  };
  const chainOrder = new Map(ref.chains.map((chain, index) => [chain.id, index]));
  const projects = assignStages(rng, collectSlots(ref)).map(({ slot, stage, kind }) =>
    buildProject(ctx, slot, stage, feasibleKind(ctx, kind), rng.chance(0.22)),
  );
  coverAllParks(ctx, projects);
  return projects.sort(
    (a, b) =>
      (chainOrder.get(a.chainId) ?? 0) - (chainOrder.get(b.chainId) ?? 0) ||
      STAGE_ORDER.indexOf(b.stage) - STAGE_ORDER.indexOf(a.stage),
  );
}
