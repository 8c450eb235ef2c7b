package cn.gongkai.review.checks;

import cn.gongkai.item.ItemContent;
import cn.gongkai.item.Note;
import java.util.ArrayList;
import java.util.List;

/** The published text fields of an item, each with the field name findings use. */
final class TextFields {
    private TextFields() {
    }

    /** A field's name and text. */
    record Field(String name, String text) {
    }

    static List<Field> of(ItemContent c) {
        List<Field> fields = new ArrayList<>();
        fields.add(new Field("title", c.title()));
        fields.add(new Field("author", c.author()));
        fields.add(new Field("digest", c.digest()));
        fields.add(new Field("doc_no", c.docNo()));
        fields.add(new Field("signature", c.signature()));
        fields.add(new Field("body", c.body()));
        for (Note n : c.notes()) {
            fields.add(new Field("notes." + n.term(), n.term() + "：" + n.explanation()));
        }
        return fields;
    }
}
