def handler(event, context):
    return {"PhysicalResourceId": "bucket-stack"}
