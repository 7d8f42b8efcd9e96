"""Invented article text for the replica, in English and Chinese.

Everything here is written for the replica from word lists and sentence templates; none of it
is the company's own text. Each function takes a ``random.Random`` so the caller owns the seed.
"""

from __future__ import annotations

import random
from dataclasses import dataclass

# --- shared vocabulary -------------------------------------------------------------------

# Invented compound names and codes; any likeness to a real product is accidental.
DRUGS = (
    ("Lunatrectinib", "VC101"),
    ("Pexacitinib", "VC102"),
    ("Noravisib", "VC103"),
    ("Quitrelisib", "VC104"),
    ("Tamuzinib", "VC105"),
    ("Zerolimod", "VC106"),
    ("Caprovetinib", "VC107"),
    ("Senlitrasib", "VC108"),
)
DRUGS_ZH = {
    "VC101": "卢纳替尼",
    "VC102": "培沙替尼",
    "VC103": "诺拉维塞",
    "VC104": "奎曲利塞",
    "VC105": "他木替尼",
    "VC106": "泽罗莫德",
    "VC107": "卡普维替尼",
    "VC108": "森利曲塞",
}

INDICATIONS = (
    ("plaque psoriasis", "斑块状银屑病"),
    ("ulcerative colitis", "溃疡性结肠炎"),
    ("non-small cell lung cancer", "非小细胞肺癌"),
    ("rheumatoid arthritis", "类风湿关节炎"),
    ("advanced solid tumors", "晚期实体瘤"),
    ("chronic hand eczema", "慢性手部湿疹"),
    ("myelofibrosis", "骨髓纤维化"),
)
AGENCIES = (
    ("the US FDA", "美国FDA"),
    ("the NMPA", "国家药监局"),
    ("the EMA", "欧洲药品管理局"),
    ("Health Canada", "加拿大卫生部"),
)
PARTNERS = (
    ("a leading hospital in Nanjing", "南京一家三甲医院"),
    ("a university research institute", "一所高校研究院"),
    ("an international CDMO partner", "一家国际CDMO合作方"),
    ("a regional biotech park", "一个区域生物医药产业园"),
)
AWARDS = (
    ("Specialized and Innovative Enterprises", "专精特新企业"),
    ("High-Growth Biotech Companies", "高成长生物医药企业"),
    ("Provincial Engineering Technology Centers", "省级工程技术研究中心"),
    ("Innovative Pharma Pioneers", "创新药先锋企业"),
)
CONFERENCES = (
    ("the annual oncology congress in Chicago", "芝加哥年度肿瘤学大会"),
    ("the European dermatology forum", "欧洲皮肤病学论坛"),
    ("the national drug innovation summit", "全国药物创新峰会"),
    ("an international kinase research symposium", "国际激酶研究研讨会"),
)
TOPICS = (
    ("pediatric drug development", "儿童用药研发"),
    ("real-world evidence", "真实世界证据"),
    ("rare disease therapies", "罕见病治疗"),
    ("continuous manufacturing", "连续化生产"),
    ("biosimilar review", "生物类似药审评"),
    ("clinical trial digitalization", "临床试验数字化"),
)
REGIONS = (
    ("Jiangsu Province", "江苏省"),
    ("the Yangtze River Delta", "长三角地区"),
    ("Nanjing", "南京市"),
    ("Suzhou Industrial Park", "苏州工业园区"),
)
SOURCES = (
    ("Jiangsu Daily", "新华日报"),
    ("China Pharma Weekly", "医药经济报"),
    ("Nanjing Evening Post", "南京晨报"),
    ("Company Press Office", "公司品牌部"),
)
JOURNALS = ("J Med Chem", "Lancet Oncol", "Nat Rev Drug Discov", "Clin Cancer Res", "Br J Dermatol")
MONTHS = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")


@dataclass(frozen=True)
class Block:
    """One body element: a paragraph, a sub-heading, an image or a closing reference line."""

    kind: str  # "p", "h", "img" or "ref"
    text: str = ""  # for "img": the image path


@dataclass(frozen=True)
class Story:
    title: str
    summary: str  # the lead sentence, which listings show as the one-line summary
    blocks: tuple[Block, ...]
    source: str | None
    views: int | None


def _slots(rng: random.Random, year: int) -> dict[str, str]:
    drug, code = rng.choice(DRUGS)
    ind = rng.choice(INDICATIONS)
    agency = rng.choice(AGENCIES)
    partner = rng.choice(PARTNERS)
    award = rng.choice(AWARDS)
    conf = rng.choice(CONFERENCES)
    topic = rng.choice(TOPICS)
    region = rng.choice(REGIONS)
    return {
        "drug": drug,
        "drug_zh": DRUGS_ZH[code],
        "code": code,
        "ind": ind[0],
        "ind_zh": ind[1],
        "agency": agency[0],
        "agency_zh": agency[1],
        "partner": partner[0],
        "partner_zh": partner[1],
        "award": award[0],
        "award_zh": award[1],
        "conf": conf[0],
        "conf_zh": conf[1],
        "topic": topic[0],
        "topic_zh": topic[1],
        "region": region[0],
        "region_zh": region[1],
        "phase": rng.choice(("I", "II", "III")),
        "phase_zh": rng.choice(("I", "II", "III")),
        "year": str(year),
        "n": str(rng.randint(12, 480)),
        "pct": f"{rng.randint(15, 78)}.{rng.randint(0, 9)}",
    }


# --- English -----------------------------------------------------------------------------

EN_TITLES = {
    "company": (
        "Jiangsu Vcare's {drug} ({code}) Receives IND Clearance from {agency}",
        "{code} Tablets Begin a Phase {phase} Study in {ind}",
        'Jiangsu Vcare Listed Among "{year} {award}"',
        "Jiangsu Vcare Shares New {code} Data at {conf}",
        "Jiangsu Vcare and {partner} Sign a Research Cooperation Agreement",
        "First Participant Dosed in Phase {phase} Trial of {drug} ({code})",
        "Marketing Application for {drug} ({code}) Accepted for Priority Review",
        "Jiangsu Vcare's Pilot Plant Completes a Quality System Inspection",
    ),
    "industry": (
        "{agency} Publishes Draft Guidance on {topic}",
        "{region} Announces New Measures to Support {topic}",
        "Industry Report Tracks Growth in {topic} During {year}",
        "Researchers Review Progress and Open Questions in {topic}",
        "Experts Discuss Treatment Options for {ind} at {conf}",
    ),
}
EN_LEADS = {"company": (
    "Recently, Jiangsu Vcare PharmaTech Co., Ltd. (Jiangsu Vcare) announced that {drug} ({code}), "
    "a compound discovered by its own research team, reached a new development milestone.",
    "Jiangsu Vcare PharmaTech Co., Ltd. (Jiangsu Vcare) reported this week that its program for "
    "{ind} has moved forward as planned.",
    "On behalf of the company, the research and development team of Jiangsu Vcare attended "
    "{conf} and presented an update on {code}.",
), "industry": (
    "According to a notice released by {agency}, new rules concerning {topic} will take effect "
    "later in {year}.",
    "Officials in {region} said the local pharmaceutical sector will receive targeted support "
    "for {topic} over the coming years.",
    "Speakers at {conf} compared recent clinical experience in {ind}.",
)}
EN_SENTENCES = (
    "The study plans to enroll about {n} patients with {ind} across several clinical centers.",
    "Earlier data showed an objective response rate of {pct}% in the evaluable population.",
    "{drug} is a small molecule designed to block a signaling pathway linked to {ind}.",
    "The company expects to share further results once the follow-up period is complete.",
    "Safety findings were consistent with previous studies, and no new signals were observed.",
    "The collaboration combines clinical expertise from {partner} with the company's discovery "
    "platform.",
    "Analysts note that demand for new options in {ind} remains high in China and abroad.",
    "The guidance asks sponsors to plan the use of {topic} early in development.",
    "Programs in {region} will offer funding, shared laboratories and faster approval services.",
    "Jiangsu Vcare will continue to invest in original research and quality manufacturing.",
    "More than {n} companies responded to the consultation during the comment period.",
    "The team also completed process validation for the clinical supply of {code}.",
)
EN_HEADINGS = ("About {drug}", "About {ind}", "About Jiangsu Vcare", "Background", "Next Steps")


def english_story(rng: random.Random, kind: str, year: int, image_paths: list[str]) -> Story:
    s = _slots(rng, year)
    title = rng.choice(EN_TITLES[kind]).format(**s)
    lead = rng.choice(EN_LEADS[kind]).format(**s)
    blocks = [Block("p", lead + " " + _en_sentences(rng, s, 1))]
    blocks.extend(_body(rng, s, image_paths, _en_sentences, EN_HEADINGS))
    return Story(title, lead, tuple(blocks), *_source(rng, 0))


def english_paragraph(rng: random.Random, year: int) -> str:
    return _en_sentences(rng, _slots(rng, year), rng.randint(2, 3))


def english_title(rng: random.Random, kind: str, year: int) -> str:
    return rng.choice(EN_TITLES[kind]).format(**_slots(rng, year))


def _en_sentences(rng: random.Random, s: dict[str, str], count: int) -> str:
    return " ".join(t.format(**s) for t in _draw(rng, s, EN_SENTENCES, count))


# --- Chinese -----------------------------------------------------------------------------

ZH_TITLES = {
    "company": (
        "威凯尔{drug_zh}（{code}）获{agency_zh}临床试验许可",
        "{code}片用于{ind_zh}的{phase_zh}期临床研究启动",
        "威凯尔入选“{year}年度{award_zh}”名单",
        "威凯尔在{conf_zh}公布{code}最新研究数据",
        "威凯尔与{partner_zh}签署科研合作协议",
        "{drug_zh}（{code}）{phase_zh}期临床试验完成首例受试者给药",
        "{drug_zh}（{code}）上市申请获受理并纳入优先审评",
        "威凯尔中试车间顺利通过质量体系检查",
    ),
    "industry": (
        "{agency_zh}发布{topic_zh}相关指导原则征求意见稿",
        "{region_zh}出台新举措支持{topic_zh}",
        "行业报告：{year}年{topic_zh}领域保持增长",
        "专家综述{topic_zh}的研究进展与挑战",
        "专家在{conf_zh}上探讨{ind_zh}治疗新选择",
    ),
}
ZH_LEADS = {"company": (
    "近日，江苏威凯尔医药科技有限公司（以下简称“威凯尔”）自主研发的{drug_zh}（{code}）取得新的研发进展。",
    "江苏威凯尔医药科技有限公司本周宣布，公司在{ind_zh}领域的研发项目按计划稳步推进。",
    "威凯尔研发团队代表公司出席{conf_zh}，并介绍了{code}的最新研究情况。",
), "industry": (
    "根据{agency_zh}近日发布的通知，有关{topic_zh}的新规定将于{year}年内实施。",
    "{region_zh}相关负责人表示，未来几年将重点支持本地医药企业开展{topic_zh}工作。",
    "在{conf_zh}上，与会专家交流了{ind_zh}领域的最新临床经验。",
)}
ZH_SENTENCES = (
    "该研究计划在多家临床中心入组约{n}例{ind_zh}患者。",
    "既往数据显示，可评估人群的客观缓解率达到{pct}%。",
    "{drug_zh}是一种小分子药物，可阻断与{ind_zh}相关的信号通路。",
    "公司预计在随访期结束后公布更多研究结果。",
    "安全性结果与既往研究一致，未发现新的安全性信号。",
    "此次合作将结合{partner_zh}的临床经验与公司的药物发现平台。",
    "业内人士认为，{ind_zh}领域对新疗法的需求依然旺盛。",
    "指导原则要求申办方在研发早期规划{topic_zh}的应用。",
    "{region_zh}将提供资金扶持、共享实验室和审批绿色通道等服务。",
    "威凯尔将继续加大原创研发投入，坚持高质量生产标准。",
    "征求意见期间，共有{n}家企业提交了反馈意见。",
    "团队同时完成了{code}临床样品的工艺验证工作。",
)
ZH_HEADINGS = ("关于{drug_zh}", "关于{ind_zh}", "关于威凯尔", "研究背景", "下一步计划")


def chinese_story(rng: random.Random, kind: str, year: int, image_paths: list[str]) -> Story:
    s = _slots(rng, year)
    title = rng.choice(ZH_TITLES[kind]).format(**s)
    lead = rng.choice(ZH_LEADS[kind]).format(**s)
    blocks = [Block("p", lead + _zh_sentences(rng, s, 1))]
    blocks.extend(_body(rng, s, image_paths, _zh_sentences, ZH_HEADINGS))
    return Story(title, lead, tuple(blocks), *_source(rng, 1))


def chinese_paragraph(rng: random.Random, year: int) -> str:
    return _zh_sentences(rng, _slots(rng, year), rng.randint(2, 3))


def chinese_title(rng: random.Random, kind: str, year: int) -> str:
    return rng.choice(ZH_TITLES[kind]).format(**_slots(rng, year))


def _zh_sentences(rng: random.Random, s: dict[str, str], count: int) -> str:
    return "".join(t.format(**s) for t in _draw(rng, s, ZH_SENTENCES, count))


# --- shared body layout ------------------------------------------------------------------


def _draw(rng: random.Random, s: dict, templates: tuple[str, ...], count: int) -> list[str]:
    """Sentence templates for one paragraph, avoiding repeats within an article: the article's
    slot dict carries a shuffled pool that refills when empty."""
    pool = s.setdefault("_pool", [])
    out = []
    for _ in range(count):
        if not pool:
            pool.extend(rng.sample(templates, len(templates)))
        out.append(pool.pop())
    return out


def _body(rng, s, image_paths, sentences, headings) -> list[Block]:
    blocks: list[Block] = []
    images = list(image_paths)
    for _ in range(rng.randint(2, 5)):
        if rng.random() < 0.25:
            blocks.append(Block("h", rng.choice(headings).format(**s)))
        blocks.append(Block("p", sentences(rng, s, rng.randint(2, 3))))
        if images and rng.random() < 0.5:
            blocks.append(Block("img", images.pop()))
    blocks.extend(Block("img", path) for path in images)
    if rng.random() < 0.3:
        blocks.append(Block("ref", _reference(rng)))
    return blocks


def _reference(rng: random.Random) -> str:
    year = rng.randint(2015, 2024)
    vol, issue, page = rng.randint(5, 80), rng.randint(1, 12), rng.randint(100, 2900)
    return (
        f"{rng.choice(JOURNALS)}. {year} {rng.choice(MONTHS)};{vol}({issue}):"
        f"{page}-{page + rng.randint(5, 20)}."
    )


def _source(rng: random.Random, lang_index: int) -> tuple[str | None, int | None]:
    """The site's Source line is usually empty; some carry a paper's name or a view counter."""
    roll = rng.random()
    source = rng.choice(SOURCES)[lang_index] if roll < 0.3 else None
    views = rng.randint(20, 3000) if 0.2 < roll < 0.45 else None
    return source, views

