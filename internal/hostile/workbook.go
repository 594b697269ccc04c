package hostile

import (
	"fmt"
	"reflect"

	"github.com/backchannel/backchannel/model"
	"github.com/backchannel/backchannel/model/demo"
)

// longFields may hold the corpus's long strings; every other text field
// has the 200-character limit of a name.
var longFields = map[string]bool{
	"Ask": true, "Notes": true, "ValueIBring": true, "Wants": true, "Fears": true, "Message": true,
	"Said": true, "Subtext": true, "FollowUp": true, "Text": true, "Response": true, "HowAddressed": true,
	"Old": true, "New": true,
}

// keptFields are text fields whose values are codes the workbook checks
// (history's entity and action), left as they are.
var keptFields = map[string]bool{"Entity": true, "Action": true}

// Workbook is the demo workbook with every free-text field of every row
// replaced by corpus strings, in turn, so that the corpus reaches every
// field and every screen. Names and titles start with a visible, unique
// tag ("N12 "), so they stay valid and can be told apart.
func Workbook(today model.Date) model.Workbook { return Filled(today, Corpus()) }

// Filled is the demo workbook with every free-text field replaced by the
// given texts in turn, as Workbook does with the whole corpus; a test that
// is about one family of input (code fences, say) fills the workbook with
// that family alone.
func Filled(today model.Date, corpus []Text) model.Workbook {
	wb := demo.Workbook(today)
	k := 0
	next := func(field string) string {
		t := corpus[k%len(corpus)]
		k++
		v := t.Value
		if !longFields[field] {
			v = fmt.Sprintf("N%d %s", k, t.Short(180))
		}
		return v
	}
	var fill func(v reflect.Value)
	fill = func(v reflect.Value) {
		for i := range v.NumField() {
			f, sf := v.Field(i), v.Type().Field(i)
			if !sf.IsExported() || keptFields[sf.Name] {
				continue
			}
			switch {
			case f.Kind() == reflect.String:
				f.SetString(next(sf.Name))
			case f.Kind() == reflect.Struct && sf.Type.PkgPath() == reflect.TypeOf(model.Plan{}).PkgPath() && sf.Type != reflect.TypeOf(model.Date{}):
				fill(f)
			}
		}
	}
	wv := reflect.ValueOf(&wb).Elem()
	for i := range wv.NumField() {
		if f := wv.Field(i); f.Kind() == reflect.Slice {
			for j := range f.Len() {
				if f.Index(j).Kind() == reflect.Struct {
					fill(f.Index(j))
				}
			}
		}
	}
	return wb
}
