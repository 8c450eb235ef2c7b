package cn.gongkai.portal;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** File names every receiver can store, made from Chinese titles and captions. */
class PackageNamesTest {

    @Test
    void aCaptionWithSlashesColonsAndQuotesBecomesOnePlainName() {
        assertThat(PackageNames.picture(3, "进口/出口\\对比: \"2026\" <上半年>|*?", "jpg"))
                .isEqualTo("图3-进口_出口_对比_ _2026_ _上半年____.jpg");
    }

    @Test
    void aPictureWithoutCaptionIsNamedByItsNumber() {
        assertThat(PackageNames.picture(1, "  ", "png")).isEqualTo("图1.png");
    }

    @Test
    void lineBreaksBecomeSpacesAndControlCharactersUnderscores() {
        assertThat(PackageNames.safe("上行\n下行\u0000尾\u200b")).isEqualTo("上行 下行_尾_");
    }

    @Test
    void dotsAndSpacesAtTheEndsAreDroppedSoNoNameIsHiddenOrAParentFolder() {
        assertThat(PackageNames.safe("..")).isEmpty();
        assertThat(PackageNames.docx("..")).isEqualTo("信息.docx");
        assertThat(PackageNames.docx(" ../../etc/passwd. ")).isEqualTo("_.._etc_passwd.docx");
    }

    @Test
    void aReservedWindowsDeviceNameIsChanged() {
        assertThat(PackageNames.docx("CON")).isEqualTo("CON_.docx");
        assertThat(PackageNames.docx("nul")).isEqualTo("nul_.docx");
    }

    @Test
    void aLongTitleIsCutAtSixtyCharacters() {
        assertThat(PackageNames.docx("标".repeat(80))).isEqualTo("标".repeat(PackageNames.MAX_CHARS) + ".docx");
        assertThat(PackageNames.docx("😀".repeat(80))).isEqualTo("😀".repeat(PackageNames.MAX_CHARS) + ".docx");
    }
}
