def receipt_create(*, zaak):
    raise NotImplementedError  # implemented by the documents work
