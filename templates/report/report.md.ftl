<#-- 年度报告 Markdown 版。表格的标签由程序按 2021 年格式生成，请勿在此改写；合并单元格在 Markdown 中留空。 -->
# ${title}

<#list preamble as p>
${p}

</#list>
<#list sections as s>
## ${s.heading}

<#list s.blocks as b>
<#if b.kind == "paragraph">
${b.text}

<#elseif b.kind == "heading">
### ${b.text}

<#else>
<#list b.matrix as row>
|<#list row as c> ${c} |</#list>
<#if row?index == 0>
|<#list row as c> --- |</#list>
</#if>
</#list>

</#if>
</#list>
</#list>
