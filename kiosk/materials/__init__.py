"""Materials (申请材料): how each material of an application is satisfied — an e-licence
matched automatically, pages captured by the camera, a written commitment (告知承诺), or
deferred (容缺) — and the contract's material references and uploads for the submission."""
