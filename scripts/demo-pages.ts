/** The demo pages `npm start` opens and photographs (Founder classic paths of the 海南日报 demo). */

/** 2026-07-13 第001版 头版: the layout page holding the split story 「一枚“海南芯”…」. */
export const FRONT_PAGE = '/html/2026-07/13/node_58464.htm';

/** The split story's first part (001, ends 「下转A02版」 in the demo); its second part is on 002. */
export const SPLIT_ARTICLE = '/html/2026-07/13/content_58464_19697256.htm';
